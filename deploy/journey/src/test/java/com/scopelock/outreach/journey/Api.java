package com.scopelock.outreach.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.scopelock.outreach.testsupport.TestJwt;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The public REST interfaces, called as one team member (a JWT signed with the test key). */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Answer(int status, JsonNode body, String raw) {
        JsonNode get(String field) {
            return body.path(field);
        }

        @Override
        public String toString() {
            return status + " " + raw;
        }
    }

    private final String member;
    private final String bearer;

    Api(String member) {
        this.member = member;
        this.bearer = TestJwt.bearer(member);
    }

    String member() {
        return member;
    }

    String bearer() {
        return bearer;
    }

    Answer get(int port, String path) {
        return send(port, path, "GET", null);
    }

    Answer post(int port, String path, Object body) {
        return send(port, path, "POST", body);
    }

    Answer send(int port, String path, String method, Object body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body instanceof byte[] b ? b : JSON.writeValueAsBytes(body));
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", bearer)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .method(method, publisher).build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            JsonNode node;
            try {
                node = raw == null || raw.isBlank() ? MissingNode.getInstance() : JSON.readTree(raw);
            } catch (IOException notJson) {
                node = MissingNode.getInstance();
            }
            return new Answer(response.statusCode(), node, raw);
        } catch (IOException e) {
            return new Answer(-1, MissingNode.getInstance(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static boolean ready(int port) {
        return health(port, "ready").status() == 200;
    }

    /** {@code /q/health/<kind>} (ready or live), without a token; status -1 when nothing answers. */
    static Answer health(int port, String kind) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/" + kind))
                    .timeout(Duration.ofSeconds(5)).GET().build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), MissingNode.getInstance(), response.body());
        } catch (IOException e) {
            return new Answer(-1, MissingNode.getInstance(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, MissingNode.getInstance(), e.toString());
        }
    }
}
