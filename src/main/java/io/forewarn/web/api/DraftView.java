package io.forewarn.web.api;

import io.forewarn.web.security.Caller;
import io.forewarn.obligation.DraftRecord;
import io.forewarn.policy.Role;
import io.forewarn.sanitize.Draft;
import io.forewarn.sanitize.LeakVerdict;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A draft as the API shows it: released levels, text, specificity, gaps, obstacles and the leak
 * check's verdict. Need-to-know: the leak verdict names a matched item only to a caller who may read
 * protected material (everyone else reads e.g. "protected term #0"), and the text of a draft the
 * leak check blocks, which by definition reveals protected material, is withheld from them.
 */
final class DraftView {

    private DraftView() {
    }

    static Map<String, Object> of(DraftRecord record, Caller caller) {
        Draft draft = record.draft();
        boolean blocked = draft.leak().isBlocked();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", record.id());
        view.put("report", draft.reportId());
        view.put("audience", draft.audience().name());
        view.put("status", record.status().code());
        view.put("drafted-by", record.draftedBy());
        view.put("drafted-at", record.draftedAt().toString());
        view.put("decided-by", record.decidedBy().orElse(null));
        view.put("obligations", record.obligationIds());
        view.put("renews", record.renews().orElse(null));
        view.put("released", LevelsView.of(draft.released()));
        view.put("effective-ceiling", LevelsView.of(draft.effectiveCeiling().levels()));
        view.put("specificity", LevelsView.specificity(draft.specificity()));
        view.put("justifications", LevelsView.justifications(draft.justifications()));
        view.put("gaps", LevelsView.facets(draft.gaps()));
        view.put("unjustified-gaps", LevelsView.facets(draft.unjustifiedGaps()));
        view.put("place", ReportView.place(draft.releasedPlace()));
        view.put("window", LevelsView.window(draft.statedWindow()));
        if (blocked && !caller.mayReadProtectedMaterial()) {
            view.put("text", null);
            view.put("text-withheld", true);
        } else {
            view.put("text", draft.text());
        }
        view.put("leak", leak(draft.leak(), caller.reader()));
        view.put("obstacles", draft.obstacles());
        view.put("approvable", draft.isApprovable());
        return view;
    }

    private static Map<String, Object> leak(LeakVerdict verdict, Role reader) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("blocked", verdict.isBlocked());
        List<String> matches = verdict instanceof LeakVerdict.Blocked blocked
                ? blocked.matches().stream().map(match -> match.describe(reader)).toList()
                : List.of();
        view.put("matches", matches);
        return view;
    }
}
