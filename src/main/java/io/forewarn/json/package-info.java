/**
 * The one JSON rendering of each domain concept — report, obligation, draft, warning, waiver, incident,
 * review, timeline entry, party — as records that Jackson writes in their declared order with the keys
 * of the scenario files ({@code valid-until}, {@code policy-version}). The HTTP API answers with them and
 * the replay document of {@code scenario run --json} is built of them, so the same object has the same
 * shape wherever it is read. The domain stays free of Jackson: the annotations live here, at the edge.
 * Need-to-know is decided by the caller's reading role ({@link io.forewarn.policy.Role}), passed in.
 * This is not the casebook's stored form (see {@code store.CasebookJson}), which keeps every record
 * component at full precision so stored rows read back exactly.
 */
package io.forewarn.json;
