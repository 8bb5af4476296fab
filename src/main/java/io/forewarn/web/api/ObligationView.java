package io.forewarn.web.api;

import io.forewarn.obligation.Obligation;
import io.forewarn.obligation.Transition;

import java.util.LinkedHashMap;
import java.util.Map;

/** An obligation as the API shows it, with its whole history; nothing in it is protected. */
final class ObligationView {

    private ObligationView() {
    }

    static Map<String, Object> of(Obligation obligation) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", obligation.id());
        view.put("report", obligation.reportId());
        view.put("party", obligation.partyId());
        view.put("audience", obligation.audience().name());
        view.put("state", obligation.state().code());
        view.put("working-state", obligation.workingState().code());
        view.put("opened-at", obligation.openedAt().toString());
        view.put("deadline", obligation.deadline().toString());
        view.put("escalations", obligation.escalations());
        view.put("allowed-next", obligation.allowedNext().stream().map(s -> s.code()).toList());
        view.put("history", obligation.history().stream().map(ObligationView::step).toList());
        return view;
    }

    private static Map<String, Object> step(Transition step) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("at", step.at().toString());
        view.put("from", step.from() == null ? null : step.from().code());
        view.put("to", step.to().code());
        view.put("actor", step.actor());
        view.put("policy-version", step.policyVersion());
        view.put("note", step.note());
        return view;
    }
}
