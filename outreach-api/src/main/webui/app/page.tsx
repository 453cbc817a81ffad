import { OutreachDashboard } from "@/components/OutreachDashboard";

export default function Page() {
  return <OutreachDashboard />;
}
