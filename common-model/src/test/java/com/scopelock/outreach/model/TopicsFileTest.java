package com.scopelock.outreach.model;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The local stack creates its topics from deploy/local/topics.txt: it must list exactly {@link Topics#ALL}. */
class TopicsFileTest {

    @Test
    void theLocalStackCreatesTheTopicsOfTheContract() throws IOException {
        List<Topics.TopicSpec> fromFile = Files.readAllLines(Path.of("..", "deploy", "local", "topics.txt")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(l -> l.split("\\s+"))
                .map(f -> new Topics.TopicSpec(f[0], Integer.parseInt(f[1]), "compact".equals(f[2])))
                .toList();
        assertEquals(Topics.ALL, fromFile);
    }
}
