package com.scopelock.outreach.api.service.analytics;

import com.scopelock.outreach.api.graph.AnalyticsRepository.StageCount;
import com.scopelock.outreach.rules.Pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pipeline funnel over the leads that were sent a message: how many reached each step of
 * {@link Pipeline#STAGES}' forward path (a lead counts in every step up to its stage now; a lead that answered counts
 * as replied whatever its stage now), each step's share of the contacted and of the step before, and how many sit in
 * each stage now (including rejected, not now and do-not-contact).
 */
public final class Funnel {
    /** The forward path, in order; a stage's lead also passed every step before it. */
    static final List<String> PATH = List.of(Pipeline.CONTACTED, Pipeline.REPLIED, Pipeline.INTERESTED,
            Pipeline.CALL_BOOKED, Pipeline.JOINED);

    private Funnel() {
    }

    public record Step(String stage, long leads, Double shareOfContacted, Double shareOfPrevious) {
    }

    public record Report(List<Step> steps, Map<String, Long> now) {
    }

    public static Report of(List<StageCount> counts) {
        long[] reached = new long[PATH.size()];
        Map<String, Long> now = new LinkedHashMap<>();
        Pipeline.STAGES.forEach(s -> now.put(s, 0L));
        for (StageCount c : counts) {
            String stage = Pipeline.stage(c.stage());
            now.merge(stage, c.leads(), Long::sum);
            int index = PATH.indexOf(stage);
            if (c.answered() || Set.of(Pipeline.INTERESTED, Pipeline.CALL_BOOKED, Pipeline.JOINED).contains(stage)) {
                index = Math.max(index, PATH.indexOf(Pipeline.REPLIED));
            }
            index = Math.max(index, 0); // sent a message: contacted at least (also when rejected or not now since)
            for (int i = 0; i <= index; i++) {
                reached[i] += c.leads();
            }
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < PATH.size(); i++) {
            steps.add(new Step(PATH.get(i), reached[i], reached[0] == 0 ? null : (double) reached[i] / reached[0],
                    i == 0 ? null : reached[i - 1] == 0 ? null : (double) reached[i] / reached[i - 1]));
        }
        return new Report(steps, now);
    }
}
