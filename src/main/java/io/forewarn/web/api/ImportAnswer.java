package io.forewarn.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.forewarn.party.bulk.RowProblem;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.List;

/**
 * What an import did with each row: the ids created and updated, and the rows rejected with the field
 * and the rule they broke; {@code rejected-not-listed} counts the problems beyond those listed, and is
 * there only when there are some.
 */
@JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
record ImportAnswer(List<String> created, List<String> updated, List<Rejected> rejected,
                    @JsonInclude(JsonInclude.Include.NON_NULL) Integer rejectedNotListed) {

    /** One problem of one row: the field (or {@code -} for the row as a whole) and the rule, never the value. */
    @Schema(name = "RejectedRow")
    record Rejected(int row, String field, String problem) {

        static Rejected of(RowProblem problem) {
            return new Rejected(problem.row(), problem.field(), problem.problem());
        }
    }
}
