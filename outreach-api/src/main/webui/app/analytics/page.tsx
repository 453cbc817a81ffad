import { AnalyticsView } from "@/components/AnalyticsView";

export default function Page() {
  return <AnalyticsView />;
}
