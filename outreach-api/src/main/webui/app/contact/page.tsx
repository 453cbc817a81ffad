import { Suspense } from "react";
import { ContactView } from "@/components/ContactView";
import { Spinner } from "@/components/ui";

export default function Page() {
  return <Suspense fallback={<Spinner />}><ContactView /></Suspense>;
}
