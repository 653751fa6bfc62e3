package org.huijian.demo.internal;

import java.util.Optional;
import org.huijian.booking.QualificationService;
import org.huijian.directory.DirectoryService;
import org.huijian.directory.Lawyer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the booking feature is installed too, marks the demo site's lawyers as verified, so the demo
 * lawyer can book at once. Waits for the demo site to be seeded (its lawyers exist), then stops.
 */
@Component
public final class DemoQualifications {
    private static final Logger LOG = LoggerFactory.getLogger(DemoQualifications.class);
    private final Thread worker;

    @Activate
    public DemoQualifications(@Reference QualificationService qualifications, @Reference DirectoryService directory) {
        worker = new Thread(() -> verify(qualifications, directory), "huijian-demo-qualifications");
        worker.setDaemon(true);
        worker.start();
    }

    @Deactivate
    void deactivate() {
        worker.interrupt();
    }

    private static void verify(QualificationService qualifications, DirectoryService directory) {
        try {
            DemoData data = DemoData.load(DemoData.builtIn());
            for (int attempt = 0; attempt < 600 && !Thread.currentThread().isInterrupted(); attempt++) {
                boolean all = true;
                for (DemoData.LawyerRow row : data.lawyers()) {
                    Optional<Lawyer> lawyer = directory.lawyerByLicence(row.licenceNo());
                    if (lawyer.isEmpty()) {
                        all = false;
                        continue;
                    }
                    if (!exists(qualifications, lawyer.get().id())) {
                        qualifications.verify(DemoSite.ACTOR, lawyer.get().id(), "demo site: licence taken as verified");
                    }
                }
                if (all) {
                    LOG.info("Demo lawyers are verified for booking");
                    return;
                }
                Thread.sleep(500);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Could not verify the demo lawyers for booking: {}", e.getMessage());
        }
    }

    private static boolean exists(QualificationService qualifications, long lawyerId) {
        try {
            qualifications.qualification(lawyerId);
            return true;
        } catch (org.huijian.core.NotFoundException e) {
            return false;
        }
    }
}
