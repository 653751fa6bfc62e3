package org.huijian.audit;

/**
 * The result of checking the audit chain from its first event.
 *
 * @param checked how many events were checked
 * @param firstBrokenSeq the first event whose seal or link does not hold, or {@code null} when intact
 * @param problem what is wrong with it, or {@code null}
 * @param headHash the hash of the last event, to compare with a copy kept elsewhere
 */
public record ChainVerification(boolean intact, long checked, Long firstBrokenSeq, String problem, String headHash) {
}
