package org.huijian.booking.internal;

import static org.huijian.core.Role.APPROVER;
import static org.huijian.core.Role.LAWYER;
import static org.huijian.core.Role.SITE_ADMIN;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Pattern;
import org.huijian.accounts.AccountService;
import org.huijian.accounts.AccountSpec;
import org.huijian.audit.AuditEntry;
import org.huijian.booking.LawyerRegistration;
import org.huijian.booking.Qualification;
import org.huijian.booking.QualificationReview;
import org.huijian.booking.QualificationService;
import org.huijian.booking.QualificationStatus;
import org.huijian.booking.internal.entity.QualificationEntity;
import org.huijian.booking.spi.QualificationVerifier;
import org.huijian.core.Actor;
import org.huijian.core.Checks;
import org.huijian.core.ConflictException;
import org.huijian.core.NotFoundException;
import org.huijian.core.Role;
import org.huijian.directory.DirectoryService;
import org.huijian.directory.LawFirm;
import org.huijian.directory.Lawyer;
import org.huijian.directory.LawyerSpec;
import org.huijian.notify.Notifier;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lawyers register themselves; their licence is checked by the registered verifiers (highest service
 * ranking first) or, when none can tell, by an approver. Every input is checked before anything is
 * written: the lawyer, the account and the qualification are created only when all three will be.
 */
@Component(service = QualificationService.class)
public class DefaultQualificationService implements QualificationService {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultQualificationService.class);
    static final Pattern LICENCE = Pattern.compile("[0-9]{17}");
    static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");

    private final BookingUnit unit;
    private final DirectoryService directory;
    private final AccountService accounts;
    private final Clock clock;
    private final Map<Rank, QualificationVerifier> verifiers = new ConcurrentSkipListMap<>();
    private final Notifications notify;
    private final List<Notifier> notifiers = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Activate
    public DefaultQualificationService(@Reference BookingUnit unit, @Reference DirectoryService directory,
            @Reference AccountService accounts) {
        this(unit, directory, accounts, Clock.systemUTC());
    }

    DefaultQualificationService(BookingUnit unit, DirectoryService directory, AccountService accounts, Clock clock) {
        this.unit = unit;
        this.directory = directory;
        this.accounts = accounts;
        this.clock = clock;
        this.notify = new Notifications(accounts, directory, () -> List.copyOf(notifiers), clock, () -> false);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addVerifier(QualificationVerifier verifier, Map<String, Object> props) {
        verifiers.put(new Rank(props), verifier);
    }

    void removeVerifier(QualificationVerifier verifier, Map<String, Object> props) {
        verifiers.remove(new Rank(props));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addNotifier(Notifier notifier) {
        notifiers.add(notifier);
    }

    void removeNotifier(Notifier notifier) {
        notifiers.remove(notifier);
    }

    /** Highest ranking first, then oldest service. */
    private record Rank(int ranking, long id) implements Comparable<Rank> {
        /** A ranking as a number, or as text from a {@code .cfg} file. */
        static int ranking(Object value) {
            if (value instanceof Number n) {
                return n.intValue();
            }
            try {
                return value instanceof String s ? Integer.parseInt(s.strip()) : 0;
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        Rank(Map<String, Object> props) {
            this(ranking(props.get(Constants.SERVICE_RANKING)),
                    ((Number) props.getOrDefault(Constants.SERVICE_ID, 0L)).longValue());
        }

        @Override
        public int compareTo(Rank o) {
            return ranking != o.ranking ? Integer.compare(o.ranking, ranking) : Long.compare(id, o.id);
        }
    }

    @Override
    public Qualification register(LawyerRegistration r, String origin) {
        new Checks().required("(body)", r).done();
        LocalDate today = LocalDate.now(clock);
        Checks checks = new Checks().text("name", r.name(), 50)
                .matches("licenceNo", r.licenceNo(), LICENCE, "the 17-digit lawyer licence number (执业证号)")
                .required("lawFirmId", r.lawFirmId())
                .matches("mobile", r.mobile(), MOBILE, "an 11-digit mobile number starting with 1");
        String idProblem = IdCard.problem(r.idCardNo(), today);
        if (idProblem != null) {
            checks.fail("idCardNo", idProblem);
        }
        checks.done();
        directory.lawFirm(r.lawFirmId());
        if (directory.lawyerByLicence(r.licenceNo()).isPresent()) {
            throw new ConflictException("licenceNo", "a lawyer with licence " + r.licenceNo() + " is already registered");
        }
        char[] password = r.password() == null ? null : r.password().toCharArray();
        AccountSpec account = new AccountSpec(r.username(), r.name().strip(), Set.of(Role.LAWYER), 0L, r.email());
        accounts.validate(account, password);

        Actor registration = new Actor("registration:" + r.username(), Set.of(Role.SITE_ADMIN), origin);
        Lawyer lawyer = directory.createLawyer(registration, new LawyerSpec(r.name(), r.licenceNo(), r.lawFirmId(),
                r.mobile()));
        accounts.create(registration, new AccountSpec(r.username(), r.name().strip(), Set.of(Role.LAWYER), lawyer.id(),
                r.email()), password);
        String idCard = r.idCardNo().toUpperCase(java.util.Locale.ROOT);
        unit.write(em -> {
            QualificationEntity q = new QualificationEntity(lawyer.id(), idCard, r.licencePhotoDocumentId(),
                    clock.instant());
            em.persist(q);
            return q;
        }, q -> new AuditEntry(registration, "qualification.register", "lawyer:" + lawyer.id(),
                "licence " + r.licenceNo()));
        return ask(lawyer);
    }

    /** Asks the verifiers; the first that can tell decides. */
    private Qualification ask(Lawyer lawyer) {
        LawFirm firm = directory.lawFirm(lawyer.lawFirmId());
        for (QualificationVerifier v : verifiers.values()) {
            QualificationVerifier.Verdict verdict;
            try {
                verdict = v.check(lawyer, firm);
            } catch (RuntimeException e) {
                LOG.warn("Verifier {} failed for licence {}: {}", v.name(), lawyer.licenceNo(), e.toString());
                continue;
            }
            if (verdict == null || verdict.decision() == QualificationVerifier.Decision.UNKNOWN) {
                continue;
            }
            QualificationStatus status = verdict.decision() == QualificationVerifier.Decision.VERIFIED
                    ? QualificationStatus.VERIFIED : QualificationStatus.SUSPENDED;
            return decide(new Actor(v.name(), Set.of(), "verifier"), lawyer.id(), status, verdict.reason(), v.name());
        }
        return qualification(lawyer.id());
    }

    @Override
    public Qualification qualification(long lawyerId) {
        QualificationEntity q = unit.read(em -> em.find(QualificationEntity.class, lawyerId));
        if (q == null) {
            throw new NotFoundException("qualification of lawyer", lawyerId);
        }
        return q.toApi();
    }

    @Override
    public List<Qualification> pending(Actor actor) {
        actor.require(APPROVER, SITE_ADMIN);
        return unit.read(em -> em.createNamedQuery("Qualification.byStatus", QualificationEntity.class)
                .setParameter("status", QualificationStatus.PENDING).setMaxResults(500).getResultList().stream()
                .map(QualificationEntity::toApi).toList());
    }

    @Override
    public QualificationReview review(Actor actor, long lawyerId) {
        actor.require(APPROVER, SITE_ADMIN);
        QualificationEntity q = unit.read(em -> em.find(QualificationEntity.class, lawyerId));
        if (q == null) {
            throw new NotFoundException("qualification of lawyer", lawyerId);
        }
        return new QualificationReview(q.toApi(), directory.lawyer(lawyerId), q.idCardNo(), q.licencePhotoId());
    }

    @Override
    public Qualification verify(Actor actor, long lawyerId, String note) {
        actor.require(APPROVER, SITE_ADMIN);
        new Checks().optionalText("note", note, 300).done();
        return decide(actor, lawyerId, QualificationStatus.VERIFIED,
                note == null || note.isBlank() ? "licence checked by " + actor.username() : note.strip(), actor.username());
    }

    @Override
    public Qualification suspend(Actor actor, long lawyerId, String reason) {
        actor.require(APPROVER, SITE_ADMIN);
        new Checks().text("reason", reason, 300).done();
        return decide(actor, lawyerId, QualificationStatus.SUSPENDED, reason.strip(), actor.username());
    }

    private Qualification decide(Actor actor, long lawyerId, QualificationStatus status, String reason, String by) {
        Qualification q = unit.write(em -> {
            QualificationEntity e = em.find(QualificationEntity.class, lawyerId);
            if (e == null) {
                // A lawyer entered by the site's staff rather than registered: the decision starts the record.
                directory.lawyer(lawyerId);
                e = new QualificationEntity(lawyerId, null, null, clock.instant());
                em.persist(e);
            }
            e.decide(status, reason, by, clock.instant(), null);
            return e.toApi();
        }, x -> new AuditEntry(actor, status == QualificationStatus.VERIFIED ? "qualification.verify"
                : "qualification.suspend", "lawyer:" + lawyerId, reason));
        notify.lawyer(lawyerId, "qualification." + status.name().toLowerCase(java.util.Locale.ROOT),
                status == QualificationStatus.VERIFIED ? "律师资格已核验，可以网上预约会见" : "网上预约资格已暂停",
                () -> reason);
        return q;
    }
}
