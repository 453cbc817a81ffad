package com.scopelock.outreach.auth.service;

import com.scopelock.outreach.auth.config.AuthConfig;
import com.scopelock.outreach.model.JsonCodec;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.redis.datasource.value.ValueCommands;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Login state in Redis: {@code <prefix>login:<token>} (JSON {@link LoginState}; TTL = the login's remaining life,
 * then {@code final-state-ttl} once it ended), {@code <prefix>owner:<token>} (the member, kept as long as the final
 * state, so an expired token answers 410 to its owner and 404 to anyone else) and {@code <prefix>member:<member>}
 * (the member's current login token: one active login per member). The limits on new logins: {@code <prefix>live}
 * and {@code <prefix>live:<member>} (live login tokens scored by expiry) and {@code <prefix>starts:<member>}
 * (qr-starts of the last minute), checked and taken in one Lua script.
 */
@ApplicationScoped
public class LoginStore {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(LoginStore.class);
    /** Writes the state unless the stored one is already final (another replica cancelled it, or it ended). */
    private static final String SET_UNLESS_FINAL = """
            local cur = redis.call('GET', KEYS[1])
            if cur then
              local s = cjson.decode(cur)['status']
              if s == 'AUTHORIZED' or s == 'EXPIRED' or s == 'CANCELLED' or s == 'FAILED' then return 0 end
            end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            return 1
            """;

    /**
     * Admits a new login in one step, or says which limit refuses it and in how many ms a slot frees: the member's
     * starts in the last minute, the member's live logins, everybody's live logins. Live logins are sorted sets
     * scored by expiry, so a slot whose replica died frees itself when the login would have expired.
     */
    private static final String ADMIT = """
            local now, expires, token = tonumber(ARGV[1]), tonumber(ARGV[2]), ARGV[3]
            local max_live, max_member, max_starts, window = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
            redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
            redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now - window)
            if redis.call('ZCARD', KEYS[3]) >= max_starts then
              return {'member_starts', tonumber(redis.call('ZRANGE', KEYS[3], 0, 0, 'WITHSCORES')[2]) + window - now}
            end
            if redis.call('ZCARD', KEYS[2]) >= max_member then
              return {'member_live', tonumber(redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')[2]) - now}
            end
            if redis.call('ZCARD', KEYS[1]) >= max_live then
              return {'live', tonumber(redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')[2]) - now}
            end
            redis.call('ZADD', KEYS[1], expires, token)
            redis.call('ZADD', KEYS[2], expires, token)
            redis.call('ZADD', KEYS[3], now, token)
            redis.call('PEXPIREAT', KEYS[1], expires)
            redis.call('PEXPIREAT', KEYS[2], expires)
            redis.call('PEXPIRE', KEYS[3], window)
            return {'ok', 0}
            """;

    private final RedisDataSource redis;
    private final ValueCommands<String, String> values;
    private final String prefix;

    public LoginStore(RedisDataSource redis, AuthConfig config) {
        this.redis = redis;
        this.values = redis.value(String.class);
        this.prefix = config.redisKeyPrefix();
    }

    public void create(LoginState state, Duration ttl, Duration ownerTtl) {
        values.set(ownerKey(state.token()), state.owner(), new SetArgs().px(ownerTtl));
        values.set(loginKey(state.token()), JsonCodec.encode(state), new SetArgs().px(ttl));
    }

    /** @return false if the stored state is already final (then nothing was written) */
    public boolean write(LoginState state, Duration ttl) {
        Response r = redis.execute("EVAL", SET_UNLESS_FINAL, "1", loginKey(state.token()), JsonCodec.encode(state),
                Long.toString(Math.max(1, ttl.toMillis())));
        return r != null && r.toInteger() == 1;
    }

    /** Which limit refused a new login ({@code null} = admitted), and in how many ms it frees a slot. */
    public record Admission(String refusedBy, long retryAfterMillis) {
        public boolean admitted() {
            return refusedBy == null;
        }
    }

    public Admission admit(String member, String token, Instant now, Instant expiresAt, AuthConfig limits) {
        Response r = redis.execute("EVAL", ADMIT, "3", liveKey(), memberLiveKey(member), memberStartsKey(member),
                Long.toString(now.toEpochMilli()), Long.toString(expiresAt.toEpochMilli()), token,
                Integer.toString(limits.maxLiveClients()), Integer.toString(limits.maxLivePerMember()),
                Integer.toString(limits.maxStartsPerMinute()), Long.toString(Duration.ofMinutes(1).toMillis()));
        String verdict = r.get(0).toString();
        return "ok".equals(verdict) ? new Admission(null, 0) : new Admission(verdict, Math.max(0, r.get(1).toLong()));
    }

    /** Frees the login's slot (idempotent: every path that ends a login may call it). */
    public void release(String member, String token) {
        try {
            redis.execute("ZREM", liveKey(), token);
            redis.execute("ZREM", memberLiveKey(member), token);
        } catch (RuntimeException e) {
            // the slot then frees itself when the login would have expired
            LOG.debugf("slot of a login not released now: %s", e.getClass().getSimpleName());
        }
    }

    /** Live logins of all replicas (for tests and the benchmark). */
    public long liveLogins(Instant now) {
        redis.execute("ZREMRANGEBYSCORE", liveKey(), "-inf", Long.toString(now.toEpochMilli()));
        Response r = redis.execute("ZCARD", liveKey());
        return r == null ? 0 : r.toLong();
    }

    public Optional<LoginState> get(String token) {
        return Optional.ofNullable(values.get(loginKey(token))).map(json -> JsonCodec.decode(json, LoginState.class));
    }

    public Optional<String> owner(String token) {
        return Optional.ofNullable(values.get(ownerKey(token)));
    }

    /** Makes {@code token} the member's current login; returns the one it replaces, if any. */
    public Optional<String> swapMemberLogin(String member, String token, Duration ttl) {
        return Optional.ofNullable(values.setGet(memberKey(member), token, new SetArgs().px(ttl)));
    }

    String loginKey(String token) {
        return prefix + "login:" + token;
    }

    String ownerKey(String token) {
        return prefix + "owner:" + token;
    }

    String liveKey() {
        return prefix + "live";
    }

    String memberLiveKey(String member) {
        return prefix + "live:" + member;
    }

    String memberStartsKey(String member) {
        return prefix + "starts:" + member;
    }

    String memberKey(String member) {
        return prefix + "member:" + member;
    }
}
