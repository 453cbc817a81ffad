import { TelegramSessions } from "@/components/TelegramSessions";

export default function Page() {
  return <TelegramSessions />;
}
