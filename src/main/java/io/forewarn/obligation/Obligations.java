package io.forewarn.obligation;

/** Naming of obligations: one per party per report, so its id says which. */
public final class Obligations {

    private Obligations() {
    }

    public static String idFor(String reportId, String partyId) {
        return reportId + "/" + partyId;
    }
}
