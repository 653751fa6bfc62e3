package org.huijian.directory;

import java.util.List;
import java.util.Optional;
import org.huijian.core.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Law firms, lawyers, detainees and cases. Each change is one transaction and one audit event.
 * Errors as in {@link org.huijian.site.SiteService}.
 */
@ProviderType
public interface DirectoryService {

    List<LawFirm> lawFirms();

    LawFirm lawFirm(long id);

    LawFirm createLawFirm(Actor actor, LawFirmSpec spec);

    List<Lawyer> lawyers();

    Lawyer lawyer(long id);

    Optional<Lawyer> lawyerByLicence(String licenceNo);

    Lawyer createLawyer(Actor actor, LawyerSpec spec);

    List<Detainee> detainees(long detentionCentreId);

    Detainee detainee(long id);

    Detainee createDetainee(Actor actor, DetaineeSpec spec);

    List<Case> cases(long detaineeId);

    Case caseFile(long id);

    Case createCase(Actor actor, CaseSpec spec);
}
