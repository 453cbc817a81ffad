package com.scopelock.outreach.api.graph;

import com.scopelock.outreach.api.config.GraphConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one way into FalkorDB. Queries are constants of the repositories; everything that varies travels in
 * {@code params}, rendered by {@link CypherParams}.
 */
@ApplicationScoped
public class FalkorGraphClient {
    private static final Command GRAPH_QUERY = Command.create("GRAPH.QUERY");
    private static final Command GRAPH_RO_QUERY = Command.create("GRAPH.RO_QUERY");
    private static final Command GRAPH_CONSTRAINT = Command.create("GRAPH.CONSTRAINT");
    private static final Command INFO = Command.create("INFO");

    private final Redis redis;
    private final GraphConfig config;

    public FalkorGraphClient(Redis redis, GraphConfig config) {
        this.redis = redis;
        this.config = config;
    }

    public Uni<GraphResult> write(String cypher, Map<String, ?> params) {
        return run(GRAPH_QUERY, cypher, params);
    }

    public Uni<GraphResult> read(String cypher, Map<String, ?> params) {
        return run(GRAPH_RO_QUERY, cypher, params);
    }

    /** {@code GRAPH.CONSTRAINT CREATE <graph> UNIQUE NODE <label> PROPERTIES 1 <property>}; labels are constants. */
    public Uni<Void> createUniqueConstraint(String label, String property) {
        return redis.send(Request.cmd(GRAPH_CONSTRAINT).arg("CREATE").arg(config.name()).arg("UNIQUE").arg("NODE")
                .arg(label).arg("PROPERTIES").arg(1).arg(property)).replaceWithVoid();
    }

    /** {@code INFO persistence}: Redis answers it while loading, when every query gets {@code -LOADING}. */
    public Uni<FalkorPersistence> persistence() {
        return redis.send(Request.cmd(INFO).arg("persistence"))
                .ifNoItem().after(config.queryTimeout()).failWith(() -> new GraphUnavailableException("FalkorDB did not answer INFO within " + config.queryTimeout()))
                .map(response -> FalkorPersistence.parse(response == null ? "" : response.toString()));
    }

    private Uni<GraphResult> run(Command command, String cypher, Map<String, ?> params) {
        String query;
        try {
            query = CypherParams.header(params) + cypher;
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(e);
        }
        return redis.send(Request.cmd(command).arg(config.name()).arg(query))
                .ifNoItem().after(config.queryTimeout()).failWith(() -> new GraphUnavailableException("FalkorDB did not answer within " + config.queryTimeout()))
                .map(FalkorGraphClient::toResult);
    }

    private static GraphResult toResult(Response response) {
        if (response == null || response.size() < 2) {
            return new GraphResult(List.of(), List.of());
        }
        List<String> columns = new ArrayList<>();
        for (Response column : response.get(0)) {
            columns.add(column.toString());
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Response row : response.get(1)) {
            List<Object> values = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                values.add(value(row.get(i)));
            }
            rows.add(values);
        }
        return new GraphResult(columns, rows);
    }

    private static Object value(Response cell) {
        if (cell == null) {
            return null;
        }
        if (cell.type() == ResponseType.NUMBER) {
            return cell.toLong();
        }
        if (cell.type() == ResponseType.MULTI) {
            List<Object> list = new ArrayList<>();
            for (Response item : cell) {
                list.add(value(item));
            }
            return list;
        }
        return cell.toString();
    }
}
