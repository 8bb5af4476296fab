package io.forewarn.obligation;

/**
 * The kinds of {@link DutyEvent}, one per record, each with the stable code it has on the wire, on the
 * timeline and in the ledger (stored ledgers hash these codes, so they never change). Listeners switch
 * over it in switch expressions, which the compiler holds to cover every kind: Java 17 has no switch over
 * the sealed records themselves.
 */
public enum EventType {
    REPORT_RECEIVED("report-received"),
    REPORT_TRIAGED("report-triaged"),
    REPORT_OUT_OF_SCOPE("report-out-of-scope"),
    NO_PARTY_AFFECTED("no-party-affected"),
    REPORT_REVISED("report-revised"),
    PARTY_REGISTERED("party-registered"),
    PARTY_UPDATED("party-updated"),
    PARTY_REMOVED("party-removed"),
    OBLIGATION_OPENED("obligation-opened"),
    OBLIGATION_OVERDUE("obligation-overdue"),
    OBLIGATION_ESCALATED("obligation-escalated"),
    OBLIGATION_CLOSED("obligation-closed"),
    DEADLINE_BROUGHT_FORWARD("deadline-brought-forward"),
    WARNING_DRAFTED("warning-drafted"),
    RENEWAL_DRAFTED("renewal-drafted"),
    APPROVAL_REFUSED("approval-refused"),
    DRAFT_APPROVED("draft-approved"),
    DRAFT_CANCELLED("draft-cancelled"),
    DRAFT_EDITED("draft-edited"),
    WARNING_ISSUED("warning-issued"),
    WARNING_RENEWED("warning-renewed"),
    WARNING_CANCELLED("warning-cancelled"),
    RECORDED_WARNING_LEAKED("recorded-warning-leaked"),
    WARNING_TO_UNAFFECTED_PARTY("warning-to-unaffected-party"),
    WARNING_DELIVERED("warning-delivered"),
    WARNING_ACKNOWLEDGED("warning-acknowledged"),
    WITHDRAWAL_DELIVERED("withdrawal-delivered"),
    DELIVERY_DEAD_LETTERED("delivery-dead-lettered"),
    CONTACT_POINT_DISABLED("contact-point-disabled"),
    RENEWAL_DUE("renewal-due"),
    WARNING_EXPIRED("warning-expired"),
    WAIVER_REQUESTED("waiver-requested"),
    WAIVER_APPROVED("waiver-approved"),
    WAIVER_REJECTED("waiver-rejected"),
    NEAR_MATCH_OFFERED("near-match-offered"),
    NEAR_MATCH_CONFIRMED("near-match-confirmed"),
    NEAR_MATCH_REJECTED("near-match-rejected"),
    INCIDENT_RECORDED("incident-recorded"),
    POLICY_ADOPTED("policy-adopted"),
    NOTE("note");

    private final String code;

    EventType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
