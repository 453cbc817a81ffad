import { ImportLeads } from "@/components/ImportLeads";

export default function Page() {
  return <ImportLeads />;
}
