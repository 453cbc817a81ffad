package com.scopelock.outreach.telegram;

import com.scopelock.outreach.telegram.api.TdRequestObserver;
import com.scopelock.outreach.telegram.api.TdUpdateListener;
import com.scopelock.outreach.telegram.api.TelegramClient;
import com.scopelock.outreach.telegram.sim.SimulatedModeGuard;
import com.scopelock.outreach.telegram.sim.SimulatedTdJson;
import com.scopelock.outreach.telegram.tdjson.JsonTelegramClient;
import com.scopelock.outreach.telegram.tdjson.NativeTdJson;
import com.scopelock.outreach.telegram.tdjson.TdJsonTransport;
import com.scopelock.outreach.telegram.tdjson.TdLibraryLocator;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The seam between services and Telegram: real TDLib or the simulated Telegram, chosen by
 * {@link TelegramConfig}. Services only see {@link TelegramClient}; another binding (e.g. tdlight-java) could be
 * put behind the same interface.
 */
public final class TelegramClientFactory implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(TelegramClientFactory.class.getName());

    private final TdJsonTransport transport;
    private final Duration requestTimeout;

    private TelegramClientFactory(TdJsonTransport transport, Duration requestTimeout) {
        this.transport = transport;
        this.requestTimeout = requestTimeout;
    }

    public static TelegramClientFactory create(TelegramConfig config) {
        return switch (config.mode()) {
            case REAL -> real(config.tdlibPath().orElseGet(TdLibraryLocator::locate), config.requestTimeout());
            case SIMULATED -> {
                SimulatedModeGuard.Consent consent =
                        SimulatedModeGuard.consent(config.profile(), config.simulatedIUnderstand());
                Path world = config.simulatedWorldDir().orElseThrow(() -> new IllegalStateException(
                        "SIMULATED TELEGRAM needs telegram.simulated.world-dir / TELEGRAM_SIMULATED_WORLD_DIR"));
                yield simulated(world, config.requestTimeout(), config.simulatedPollInterval(), consent);
            }
        };
    }

    public static TelegramClientFactory real(Path library, Duration requestTimeout) {
        return new TelegramClientFactory(NativeTdJson.load(library), requestTimeout);
    }

    public static TelegramClientFactory simulated(Path worldDir, Duration requestTimeout, Duration pollInterval,
                                                  SimulatedModeGuard.Consent consent) {
        LOG.log(System.Logger.Level.WARNING, "*** SIMULATED TELEGRAM *** — Telegram clients of this process are "
                + "simulated (world {0}); no real account is reached", worldDir);
        return new TelegramClientFactory(new SimulatedTdJson(worldDir, pollInterval, consent), requestTimeout);
    }

    /** A new client (one account session); answer its authorizationStateWaitTdlibParameters next. */
    public TelegramClient newClient(TdUpdateListener listener) {
        return JsonTelegramClient.create(transport, listener, requestTimeout);
    }

    /** {@link #newClient(TdUpdateListener)} whose every request (and its outcome) is reported to {@code observer}. */
    public TelegramClient newClient(TdUpdateListener listener, TdRequestObserver observer) {
        return JsonTelegramClient.create(transport, listener, observer, requestTimeout);
    }

    public boolean simulated() {
        return transport.simulated();
    }

    /** For status pages and logs. */
    public String label() {
        return simulated() ? "SIMULATED TELEGRAM" : "TDLib (real Telegram)";
    }

    /** Closes the simulated transport; the real library stays loaded for the life of the process. */
    @Override
    public void close() {
        if (transport instanceof SimulatedTdJson simulated) {
            simulated.close();
        }
    }

    @Override
    public String toString() {
        return "TelegramClientFactory[" + label() + "]";
    }
}
