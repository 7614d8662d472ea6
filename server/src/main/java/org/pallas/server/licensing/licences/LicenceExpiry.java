package org.pallas.server.licensing.licences;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The nightly expiry sweep: every live licence past its last valid day (by the injected clock) expires. */
@Component
class LicenceExpiry {

    private static final Logger log = LoggerFactory.getLogger(LicenceExpiry.class);

    private final Licences licences;

    LicenceExpiry(Licences licences) {
        this.licences = licences;
    }

    @Scheduled(cron = "${pallas.licensing.expiry-cron:0 5 0 * * *}", zone = "Europe/London")
    void sweep() {
        int expired = licences.expireDue();
        if (expired > 0) {
            log.info("Licence expiry sweep: {} licence(s) expired", expired);
        }
    }
}
