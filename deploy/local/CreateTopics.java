import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Creates the topics of topics.txt (and a .dlq topic for each) if they are missing, in one JVM.
 * Run with the Kafka jars on the classpath: java -cp "libs/*" CreateTopics.java BOOTSTRAP topics.txt
 */
public class CreateTopics {
    public static void main(String[] args) throws Exception {
        List<NewTopic> wanted = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] f = trimmed.split("\\s+");
            wanted.add(new NewTopic(f[0], Integer.parseInt(f[1]), (short) 1).configs(Map.of("cleanup.policy", f[2])));
            wanted.add(new NewTopic(f[0] + ".dlq", 1, (short) 1));
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t.name())).toList();
            admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            System.out.println("topics: " + missing.size() + " created, " + (wanted.size() - missing.size()) + " already there");
        }
    }
}
