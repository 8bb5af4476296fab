-- obligation_party_seq_ix (party_id, seq) and obligation_report_seq_ix (report_id, seq) serve every lookup by
-- party or by report that these single-column indexes served, in the same order or better. Each index is one more
-- tree a report's obligations are written into, and on H2 one more whose changed pages every commit stores.

DROP INDEX obligation_party_ix;
DROP INDEX obligation_report_ix;
