import Link from "next/link";

export default function NotFound() {
  return (
    <div className="empty">
      <strong>This page does not exist.</strong>
      <p><Link href="/">Go to the dashboard →</Link></p>
    </div>
  );
}
