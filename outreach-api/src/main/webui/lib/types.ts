// The API shapes the screens use (snake_case, as the services answer).

export type ProfileType = "supervisor" | "hustler" | "both" | "unknown";

export interface QueueContact {
  id: string;
  name: string;
  telegram_id: number;
  profile_type: ProfileType | string;
  supervisor_score: number;
  hustler_score: number;
  total_score: number;
  top_signals: string[];
  sample_messages: string[];
  outreach_status: string;
  claimed_by?: string | null;
  claimed_until?: string | null;
}

export interface QueuePage {
  contacts: QueueContact[];
  total_count: number;
  filtered_count: number;
  limit: number;
  offset: number;
}

export interface MatchingMessage {
  message_id?: string | number;
  date?: string;
  text_snippet?: string;
  signal_type?: string;
}

/** Where a lead stands in the team's pipeline (GET /api/outreach/contacts/{id}). */
export interface PipelineInfo {
  stage: string;
  stage_changed_at?: string | null;
  stage_changed_by?: string | null;
  note?: string | null;
  not_now_until?: string | null;
  tags?: string[];
  username?: string | null;
  follow_up_due_at?: string | null;
  follow_up_status?: string | null;
}

export interface ContactDetail extends QueueContact {
  pipeline?: PipelineInfo;
  chat_type?: string;
  matching_messages?: MatchingMessage[] | null;
  analysis_data?: unknown;
  contacted_at?: string | null;
  replied_at?: string | null;
}

export interface Hook {
  type?: string;
  signal_type?: string;
  text?: string;
  snippet?: string;
  [k: string]: unknown;
}

export interface GeneratedMessage {
  message_id: string;
  contact_id?: string;
  version?: number;
  message_text: string;
  personalization_context?: { hook?: Hook | null; signals_used?: string[]; [k: string]: unknown } | null;
  generated_by?: string;
  generated_at?: string;
  warning?: string;
  is_sent?: boolean;
  sent_at?: string | null;
  edited?: boolean;
  telegram_link?: string | null;
  claimed_until?: string;
}

export interface MarkSentAnswer {
  success: boolean;
  contact_status: string;
  sent_at: string;
}

export interface ImportReport {
  import_id: string;
  state: string;
  received: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  rejections?: { index: number; telegram_id?: number | string | null; field?: string; reason: string }[];
  duplicate_records?: unknown[];
}

export interface ImportProgress {
  import_id?: string;
  state: "parsing" | "publishing" | "completed" | "failed" | string;
  processed?: number;
  total?: number;
  published?: number;
  [k: string]: unknown;
}

export interface Conversation {
  conversation_id: string;
  contact: { id: string; name: string; telegram_id?: number };
  unread_count: number;
  last_reply_at?: string | null;
  last_reply_preview?: string | null;
  conversation_status?: string;
  sentiment?: string | null;
  intent?: string | null;
  contacted_at?: string | null;
  reply_count?: number;
}

export interface ConversationsAnswer {
  conversations: Conversation[];
  total_unread: number;
}

export interface Reply {
  reply_id?: string;
  id?: string;
  text?: string;
  reply_text?: string;
  received_at?: string;
  date?: string;
  sentiment?: string | null;
  intent?: string | null;
  is_read?: boolean;
  labeled_by?: string | null; // claude | rules | member (a correction)
  do_not_contact_suggested?: boolean; // a negative label waiting for the member's confirmation
}

export interface TelegramSession {
  session_id: string;
  status: string; // active / revoked / flood-wait / logged-out / disconnected …
  is_active?: boolean;
  is_monitoring?: boolean;
  telegram_user_id?: number | null;
  simulated?: boolean;
  connected_at?: string | null;
  disconnected_at?: string | null;
  status_reason?: string | null;
  username?: string | null;
}

/** GET /api/outreach/contacts/{id}/connections: who shares chats or replies with the lead, strongest first. */
export interface Connection {
  kind: "team_member" | "lead";
  id: string | null;
  name: string;
  telegram_id: number | null;
  shared_chats: string[];
  shared_chat_count: number;
  reply_count: number;
}

export interface ConnectionsAnswer {
  contact_id: string;
  connections: Connection[];
}
