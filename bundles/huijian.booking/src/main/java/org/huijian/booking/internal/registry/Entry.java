package org.huijian.booking.internal.registry;

import java.util.Set;
import org.huijian.booking.spi.QualificationVerifier.Decision;
import org.huijian.booking.spi.QualificationVerifier.Verdict;
import org.huijian.directory.LawFirm;
import org.huijian.directory.Lawyer;

/**
 * What a bar-association registry (律师协会执业信息) says of one licence: whose it is, at which firm, and whether
 * the lawyer may practise. {@link #judge} compares it with the lawyer who registered.
 *
 * @param lawFirm the firm's name, or empty when the registry does not say
 * @param status e.g. 执业/正常/practising, or 注销/吊销/停止执业/暂停执业/revoked/suspended
 */
record Entry(String licenceNo, String name, String lawFirm, String status) {
    /** Statuses that mean the lawyer may practise. */
    static final Set<String> PRACTISING = Set.of("执业", "正常", "在执业", "practising", "practicing", "active");

    Verdict judge(Lawyer lawyer, LawFirm firm, String registry) {
        if (!PRACTISING.contains(status.strip().toLowerCase(java.util.Locale.ROOT))) {
            return new Verdict(Decision.REFUSED, registry + ": licence " + licenceNo + " is " + status
                    + ", not practising");
        }
        if (!same(name, lawyer.name())) {
            return new Verdict(Decision.REFUSED, registry + ": licence " + licenceNo + " belongs to " + name + ", not "
                    + lawyer.name());
        }
        if (!lawFirm.isBlank() && firm != null && !same(lawFirm, firm.name())) {
            return new Verdict(Decision.REFUSED, registry + ": licence " + licenceNo + " is registered at " + lawFirm
                    + ", not " + firm.name());
        }
        return new Verdict(Decision.VERIFIED, registry + ": licence " + licenceNo + " of " + name + " is practising"
                + (lawFirm.isBlank() ? "" : " at " + lawFirm));
    }

    /** Names compared without spaces (full- or half-width), as registries and people write them differently. */
    static boolean same(String a, String b) {
        return norm(a).equals(norm(b));
    }

    private static String norm(String s) {
        return s == null ? "" : s.replaceAll("[\\s\\u3000]", "").toLowerCase(java.util.Locale.ROOT);
    }
}
