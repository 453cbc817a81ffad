package com.scopelock.outreach.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** {@code GET /api/outreach/events} read with java.net.http (Authorization header), parsed as Server-Sent Events. */
final class SseStream implements AutoCloseable {
    record Event(String id, String name, JsonNode data, long receivedAtMillis) {
    }

    private final List<Event> events = new ArrayList<>();
    private final Thread reader;
    private volatile InputStream body;
    private volatile boolean closed;
    private volatile String failure;

    SseStream(int port, Api api) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/outreach/events"))
                .header("Authorization", api.bearer()).header("Accept", "text/event-stream").GET().build();
        reader = Thread.ofVirtual().name("sse-" + api.member()).start(() -> read(request));
        await(e -> "ready".equals(e.name()), 15_000, "the SSE stream's ready event");
    }

    private void read(HttpRequest request) {
        try {
            HttpResponse<InputStream> response = Api.HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
            body = response.body();
            if (response.statusCode() != 200) {
                failure = "SSE answered " + response.statusCode();
                return;
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            String id = null;
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.isEmpty()) {
                    if (name != null || !data.isEmpty()) {
                        JsonNode node;
                        try {
                            node = Api.JSON.readTree(data.toString());
                        } catch (Exception notJson) {
                            node = MissingNode.getInstance();
                        }
                        synchronized (events) {
                            events.add(new Event(id, name == null ? "message" : name, node, System.currentTimeMillis()));
                            events.notifyAll();
                        }
                    }
                    id = null;
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    if (!data.isEmpty()) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).stripLeading());
                }
            }
        } catch (Exception e) {
            if (!closed) {
                failure = e.toString();
            }
        } finally {
            synchronized (events) {
                events.notifyAll();
            }
        }
    }

    Event await(Predicate<Event> match, long timeoutMillis, String what) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        synchronized (events) {
            while (true) {
                for (Event e : events) {
                    if (match.test(e)) {
                        return e;
                    }
                }
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    throw new AssertionError("no " + what + " on the SSE stream within " + timeoutMillis + " ms"
                            + (failure == null ? "" : " (stream failed: " + failure + ")") + "; got " + events);
                }
                try {
                    events.wait(Math.min(left, 200));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    List<Event> matching(Predicate<Event> match) {
        synchronized (events) {
            return events.stream().filter(match).toList();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            if (body != null) {
                body.close();
            }
        } catch (Exception ignored) {
            // closing anyway
        }
        reader.interrupt();
    }

    static Duration since(long startMillis) {
        return Duration.ofMillis(System.currentTimeMillis() - startMillis);
    }
}
