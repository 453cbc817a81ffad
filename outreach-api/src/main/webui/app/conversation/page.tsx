import { Suspense } from "react";
import { ConversationView } from "@/components/ConversationView";
import { Spinner } from "@/components/ui";

export default function Page() {
  return <Suspense fallback={<Spinner />}><ConversationView /></Suspense>;
}
