package io.forewarn.ledger.jdbc;

/** One subtree of the log: {@code 2^level} leaves from leaf {@code index << level}. */
record Subtree(int level, long index) {
}
