package com.scopelock.outreach.api.health;

import com.scopelock.outreach.testsupport.FalkorDbTestResource;
import com.scopelock.outreach.testsupport.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real FalkorDB restarted so that it loads its data slowly (Redis' key-load-delay: ~8 s for 160 filler keys): while
 * it answers -LOADING, outreach-api is live but not ready, and readiness and the falkordb_loading gauge say why;
 * afterwards it is ready again by itself and shows the persistence state.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = FalkorDbTestResource.class, restrictToAnnotatedClass = false)
class FalkorDbLoadingIT {
    private static final int FILLER_KEYS = 160;

    @Test
    void liveButNotReadyWhileFalkorDbLoadsThenReadyAgain() throws Exception {
        awaitReady(120_000);
        int port = FalkorDbTestResource.db().port();
        String filler = "x".repeat(4096);
        for (int i = 0; i < FILLER_KEYS; i++) {
            command(port, "SET", "loading-it:filler:" + i, filler);
        }
        assertEquals("+OK", command(port, "SAVE"));

        // 50 ms per key, and Redis answers clients every 1 KiB read: ~8 s of -LOADING
        FalkorDbTestResource.restart("--key-load-delay", "50000", "--loading-process-events-interval-bytes", "1024");
        assertTrue(command(port, "PING").startsWith("-LOADING"), "FalkorDB should be loading now");

        Response ready = given().get("/q/health/ready");
        assertEquals(503, ready.statusCode(), ready.asString());
        Map<String, Object> check = falkordbCheck(ready.jsonPath());
        assertEquals("DOWN", check.get("status"));
        Map<?, ?> data = (Map<?, ?>) check.get("data");
        assertEquals(true, data.get("loading"), data.toString());
        assertEquals("FalkorDB is loading its data", data.get("error"));
        given().get("/q/health/live").then().statusCode(200);
        assertTrue(metric("falkordb_loading").equals("1.0"), "falkordb_loading while loading: " + metric("falkordb_loading"));
        assertTrue(command(port, "PING").startsWith("-LOADING"), "the checks above ran while FalkorDB was still loading");

        awaitReady(60_000);
        Map<?, ?> after = (Map<?, ?>) falkordbCheck(given().get("/q/health/ready").jsonPath()).get("data");
        assertEquals(false, after.get("loading"), after.toString());
        assertEquals("ready", after.get("schema"));
        assertEquals(false, after.get("aof_enabled"), "the test FalkorDB runs without an AOF: " + after);
        assertTrue(after.get("rdb_last_save").toString().startsWith("20"), after.toString());
        assertEquals("ok", after.get("rdb_last_save_status"));
        assertEquals("0.0", metric("falkordb_loading"));
        assertTrue(Double.parseDouble(metric("falkordb_rdb_last_save_time_seconds")) > 1.7e9,
                metric("falkordb_rdb_last_save_time_seconds"));
        for (int i = 0; i < FILLER_KEYS; i++) {
            command(port, "DEL", "loading-it:filler:" + i);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> falkordbCheck(JsonPath health) {
        for (Map<String, Object> check : health.<Map<String, Object>>getList("checks")) {
            if ("falkordb".equals(check.get("name"))) {
                return check;
            }
        }
        return fail("no falkordb check in " + health.prettify());
    }

    private static void awaitReady(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            if (given().get("/q/health/ready").statusCode() == 200) {
                return;
            }
            Thread.sleep(200);
        }
        fail("not ready within " + millis + " ms: " + given().get("/q/health/ready").asString());
    }

    private static String metric(String name) {
        for (String line : given().get("/q/metrics").asString().split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                return line.substring(line.lastIndexOf(' ') + 1);
            }
        }
        return fail("no metric " + name);
    }

    /** One command over the Redis protocol; the first line of the answer. */
    private static String command(int port, String... args) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            StringBuilder out = new StringBuilder("*").append(args.length).append("\r\n");
            for (String a : args) {
                out.append('$').append(a.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(a).append("\r\n");
            }
            OutputStream o = socket.getOutputStream();
            o.write(out.toString().getBytes(StandardCharsets.UTF_8));
            o.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
        }
    }
}
