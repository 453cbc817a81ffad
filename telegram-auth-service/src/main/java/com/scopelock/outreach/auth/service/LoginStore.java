package com.scopelock.outreach.auth.service;

import com.scopelock.outreach.auth.config.AuthConfig;
import com.scopelock.outreach.model.JsonCodec;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.redis.datasource.value.ValueCommands;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Optional;

/**
 * Login state in Redis: {@code <prefix>login:<token>} (JSON {@link LoginState}; TTL = the login's remaining life,
 * then {@code final-state-ttl} once it ended), {@code <prefix>owner:<token>} (the member, kept as long as the final
 * state, so an expired token answers 410 to its owner and 404 to anyone else) and {@code <prefix>member:<member>}
 * (the member's current login token: one active login per member).
 */
@ApplicationScoped
public class LoginStore {
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

    String memberKey(String member) {
        return prefix + "member:" + member;
    }
}
