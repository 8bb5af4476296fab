package io.forewarn.web.api;

import io.forewarn.obligation.Casebook;
import io.forewarn.sanitize.LeakCheck;
import io.forewarn.sanitize.LeakMatch;
import io.forewarn.sanitize.LeakVerdict;

import java.util.stream.Collectors;

/**
 * Text a person writes into a case (a waiver's alternative, a decision's note, a delivery channel)
 * lands on the timeline and in views every case reader sees, oversight and liaison included; text
 * through which the report's protected material shows is refused, naming the items only by kind
 * and number.
 */
final class FreeText {

    private FreeText() {
    }

    static String checked(Casebook casebook, String reportId, String what, String text) {
        LeakVerdict verdict = LeakCheck.forReport(Found.report(casebook, reportId)).check(text);
        if (verdict instanceof LeakVerdict.Blocked blocked) {
            throw new IllegalArgumentException("the " + what + " reveals protected material of report " + reportId + " ("
                    + blocked.matches().stream().map(LeakMatch::toString).collect(Collectors.joining(", "))
                    + "); say it without it");
        }
        return text;
    }
}
