package com.scopelock.outreach.api.rest;

import com.scopelock.outreach.api.service.LabelService;
import com.scopelock.outreach.model.ReplyLabeled;
import com.scopelock.outreach.problems.ProblemException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Map;
import java.util.TreeSet;

/**
 * The caller's reply labels: {@code PUT /api/outreach/replies/{id}/label} corrects one (kept with who, when,
 * old → new; counted in stats), {@code POST /api/outreach/replies/{id}/do-not-contact} confirms the
 * do-not-contact suggestion a negative label left (one click). Another member's reply → 404.
 */
@Path("/api/outreach/replies/{id}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ReplyLabelResource {
    /** When a correction names only the intent. */
    private static final Map<String, String> SENTIMENT_OF_INTENT = Map.of("interested", "positive",
            "not_interested", "negative", "unsubscribe", "negative");

    private final LabelService labels;
    private final JsonWebToken jwt;

    public ReplyLabelResource(LabelService labels, JsonWebToken jwt) {
        this.labels = labels;
        this.jwt = jwt;
    }

    /** {@code sentiment} may be left out: interested → positive, not_interested/unsubscribe → negative, else neutral. */
    public record LabelRequest(Object sentiment, Object intent) {
    }

    @PUT
    @Path("/label")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<LabelService.Correction> correct(@PathParam("id") String id, LabelRequest request) {
        if (request == null) {
            throw ProblemException.invalid("invalid_body", "body", "must be a JSON object {\"intent\": \"…\", \"sentiment\": \"…\"}");
        }
        String intent = closed("intent", request.intent(), ReplyLabeled.INTENTS);
        String sentiment = request.sentiment() == null ? SENTIMENT_OF_INTENT.getOrDefault(intent, "neutral")
                : closed("sentiment", request.sentiment(), ReplyLabeled.SENTIMENTS);
        return labels.correct(jwt.getSubject(), id, sentiment, intent);
    }

    @POST
    @Path("/do-not-contact")
    public Uni<LabelService.Confirmation> confirmDoNotContact(@PathParam("id") String id) {
        return labels.confirmDoNotContact(jwt.getSubject(), id);
    }

    private static String closed(String field, Object value, java.util.Set<String> allowed) {
        if (!(value instanceof String s) || !allowed.contains(s)) {
            throw ProblemException.invalid("invalid_" + field, field, "must be one of " + new TreeSet<>(allowed)
                    + (value == null ? ", it is missing" : ", got " + (value instanceof String ? "'" + value + "'" : "a " + value.getClass().getSimpleName())));
        }
        return s;
    }
}
