package io.forewarn.web.api;

import io.forewarn.obligation.Waiver;

import java.util.LinkedHashMap;
import java.util.Map;

/** A waiver as the API shows it: the request, and the decision once there is one. */
final class WaiverView {

    private WaiverView() {
    }

    static Map<String, Object> of(Waiver waiver) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", waiver.id());
        view.put("obligation", waiver.obligationId());
        view.put("reason", waiver.reason().code());
        view.put("scope", waiver.scope().code());
        view.put("requested-by", waiver.requestedBy());
        view.put("requester-role", waiver.requesterRole().code());
        view.put("requested-at", waiver.requestedAt().toString());
        view.put("alternative", waiver.alternative().orElse(null));
        view.put("status", waiver.decision().map(d -> d.approved() ? "approved" : "rejected").orElse("pending"));
        view.put("decision", waiver.decision().map(WaiverView::decision).orElse(null));
        return view;
    }

    private static Map<String, Object> decision(Waiver.Decision decision) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("approved", decision.approved());
        view.put("decided-by", decision.decidedBy());
        view.put("role", decision.role().code());
        view.put("at", decision.at().toString());
        view.put("note", decision.note());
        return view;
    }
}
