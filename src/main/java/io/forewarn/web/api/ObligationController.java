package io.forewarn.web.api;

import io.forewarn.json.ObligationView;
import io.forewarn.obligation.Obligation;
import io.forewarn.obligation.ObligationQuery;
import io.forewarn.obligation.ObligationState;
import io.forewarn.obligation.Slice;
import io.forewarn.server.CaseDesk;
import io.forewarn.web.problem.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.Comparator;

/** Obligations to warn, listed by state, party, report and deadline. */
@Tag(name = "obligations", description = "Obligations to warn, with their whole history")
@RestController
@RequestMapping("/api/v1/obligations")
class ObligationController {

    private final CaseDesk desk;

    ObligationController(CaseDesk desk) {
        this.desk = desk;
    }

    /**
     * Lists obligations, optionally only those in a state, for a party or report, or due before an
     * instant (ISO-8601); the most urgent first when {@code sort=deadline}.
     */
    @Operation(operationId = "listObligations", summary = "List obligations",
            description = "Optionally in one state, for a party or report, or due before an instant (ISO-8601); the most "
                    + "urgent first with sort=deadline.")
    @GetMapping
    Page<ObligationView> list(@RequestParam(required = false) String state,
                              @RequestParam(required = false) String party,
                              @RequestParam(required = false) String report,
                              @RequestParam(name = "due-before", required = false) String dueBefore,
                              @RequestParam(defaultValue = "opened") String sort,
                              @RequestParam(required = false) String after,
                              @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) int size) {
        ObligationQuery query = ObligationQuery.all();
        if (state != null) {
            query = query.inStates(Set.of(ObligationState.of(state)));
        }
        if (party != null) {
            query = query.toParty(party);
        }
        if (report != null) {
            query = query.ofReport(report);
        }
        if (dueBefore != null) {
            query = query.dueBefore(instant(dueBefore));
        }
        query = switch (sort) {
            case "opened" -> query;
            case "deadline" -> query.mostUrgentFirst();
            default -> throw new IllegalArgumentException("sort must be 'opened' or 'deadline', not '" + sort + "'");
        };
        ObligationQuery asked = query;
        Slice slice = Page.slice(after, size);
        return desk.read(casebook -> Page.of(casebook.obligations(asked, slice), size, Obligation::id, ObligationView::of));
    }

    /** One obligation; its id is {@code REPORT/PARTY}. */
    @Operation(operationId = "readObligation", summary = "Read one obligation (its id is REPORT/PARTY)")
    @GetMapping("/{report}/{party}")
    ObligationView read(@PathVariable String report, @PathVariable String party) {
        return desk.read(casebook -> casebook.obligation(report, party)
                .map(ObligationView::of)
                .orElseThrow(() -> new NotFound("no obligation " + report + "/" + party)));
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("due-before must be an ISO-8601 instant such as 2024-03-07T12:00:00Z");
        }
    }
}
