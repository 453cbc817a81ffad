#!/usr/bin/env python3
"""Writes COUNT realistic, deterministic leads (the analysis format lead-ingest reads) to stdout.

    deploy/bench/make_leads.py COUNT [SEED] > leads.json

Scores follow a skewed distribution (most leads score low, few score high) so that the queue's score
buckets are uneven, as they would be in a real analysis; names mix scripts, emoji and punctuation.
"""
import json
import random
import sys

GIVEN = ["Ana", "Bilal", "Chen", "Dara", "Eitan", "Fatima", "Goran", "Hana", "Ilya", "Jun", "Kofi", "Lena",
         "Marek", "Nia", "Omar", "Pia", "Quinn", "Rui", "Sana", "Timo", "Uma", "Vlad", "Wen", "Xavi", "Yara", "Zeno",
         "Дарья", "Игорь", "Σοφία", "アキラ", "지민", "Ayşe", "Ngozi", "Søren", "Élodie", "D'Arcy", "🔥 Kai"]
FAMILY = ["", "", "Novak", "Haddad", "Lindqvist", "Mbeki", "Ortega", "Сидоров", "Nakamura", "| web3", "(mod)", "⚡"]
SNIPPETS = {
    "hustler": ["Posted {n} replies on the campaign thread", "Done with {n} tasks today, send more", "I can take the night shift",
                "Finished the quest board, {n} points"],
    "supervisor": ["I reviewed {n} submissions and flagged the fakes", "Set up a rota for the {n} new members",
                   "Can someone own the EU shift? I'll track progress", "Wrote the onboarding doc for newcomers"],
    "raider": ["Raid complete, {n} likes", "Dropping the link now, raid in 5", "Raided, screenshots in thread"],
    "builder": ["Shipped a Telegram bot for the group stats", "Built a dashboard for {n} wallets", "Open to frontend gigs"],
    "earner": ["Any paid tasks this week?", "How do rewards work here?", "Looking to earn while I learn"],
}
CHATS = ["personal_chat", "personal_chat", "group", "channel"]


def score(rng):
    return min(15, int(rng.expovariate(1 / 4.0)))


def lead(rng, i):
    sup, hus = score(rng), score(rng)
    ptype = "both" if sup >= 7 and hus >= 7 else "supervisor" if sup >= 7 else "hustler" if hus >= 7 else "unknown"
    kinds = rng.sample(sorted(SNIPPETS), rng.randint(1, 3))
    messages = []
    for _ in range(rng.randint(0, 5)):
        kind = rng.choice(kinds)
        messages.append({"message_id": rng.randint(1, 5_000_000),
                         "date": "2025-%02d-%02dT%02d:%02d:00" % (rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59)),
                         "text_snippet": rng.choice(SNIPPETS[kind]).format(n=rng.randint(2, 300)),
                         "signal_type": kind})
    record = {"telegram_id": 10_000_000_000 + i * 7919 + rng.randint(0, 7000),
              "name": (rng.choice(GIVEN) + " " + rng.choice(FAMILY)).strip(),
              "chat_type": rng.choice(CHATS), "profile_type": ptype,
              "supervisor_score": sup, "hustler_score": hus,
              "signals": {k: rng.randint(1, 15) for k in kinds},
              "sample_messages": [m["text_snippet"] for m in messages[:2]],
              "matching_messages": messages}
    if rng.random() < 0.5:
        record["username"] = "u%x" % rng.getrandbits(40)
    return record


def main():
    count = int(sys.argv[1])
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 20261121)
    out = sys.stdout
    out.write('{"source":"deploy/bench/make_leads.py","total":%d,"team_members":[\n' % count)
    for i in range(count):
        out.write(("," if i else "") + json.dumps(lead(rng, i), ensure_ascii=False) + "\n")
    out.write("]}\n")


if __name__ == "__main__":
    main()
