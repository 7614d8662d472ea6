package org.pallas.server.licensing;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.pallas.licensing.ApplicationDetails;
import org.pallas.licensing.CaseCommand;
import org.pallas.licensing.ClassificationStatus;
import org.pallas.licensing.EndUserType;
import org.pallas.licensing.LicenceType;
import org.pallas.licensing.Party;
import org.pallas.licensing.PartyRole;
import org.pallas.licensing.Product;
import org.pallas.licensing.QuantityModel;
import org.pallas.licensing.Safeguard;
import org.pallas.licensing.UndertakingDocument;
import org.pallas.server.licensing.cases.Cases;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.DemoSeed;
import org.pallas.server.platform.OrganisationKind;
import org.pallas.server.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo applications of the two demo exporters, through the same domain service as real ones (so they are on the
 * record): a draft and a submitted application each. Their ids are stable so that documentation and tests can link
 * to them.
 */
@Component
class LicensingDemoSeed implements DemoSeed {

    static final UUID NORTHBRIDGE_DRAFT = UUID.fromString("00000000-0000-4000-a000-00000000a001");
    static final UUID NORTHBRIDGE_SUBMITTED = UUID.fromString("00000000-0000-4000-a000-00000000a002");
    static final UUID CALDER_DRAFT = UUID.fromString("00000000-0000-4000-a000-00000000b001");
    static final UUID CALDER_SUBMITTED = UUID.fromString("00000000-0000-4000-a000-00000000b002");

    private final Cases cases;
    private final JdbcClient jdbc;

    LicensingDemoSeed(Cases cases, JdbcClient jdbc) {
        this.cases = cases;
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public void seed() {
        Caller northbridge = exporter("northbridge.lee");
        Caller calder = exporter("calder.weber");
        CaseCommand.Declarations tier1 = new CaseCommand.Declarations(1, "PENETRATION_TESTING");
        CaseCommand.Declarations tier3 = new CaseCommand.Declarations(3, "LAW_ENFORCEMENT");
        cases.startDraft(northbridge, NORTHBRIDGE_DRAFT, LicenceType.INDIVIDUAL,
                ApplicationDetails.empty().withEndUseStatement("Red-team exercises for a Dutch insurer."), tier1);
        submitted(northbridge, NORTHBRIDGE_SUBMITTED, "Redline assessment toolkit", "4D004",
                party("Rhein Versicherung AG", "DE", EndUserType.COMMERCIAL, null), tier1,
                "Authorised penetration testing of the insurer's own networks.");
        cases.startDraft(calder, CALDER_DRAFT, LicenceType.INDIVIDUAL, ApplicationDetails.empty(), tier3);
        submitted(calder, CALDER_SUBMITTED, "Calder Mobile Extract", "5A004.b",
                party("Landeskriminalamt Digitale Forensik", "AT", EndUserType.GOVERNMENT, "Digital forensics unit"),
                tier3, "Extraction of data from seized devices under court warrants.");
    }

    private void submitted(Caller exporter, UUID id, String product, String entry, Party endUser,
            CaseCommand.Declarations declared, String endUse) {
        ApplicationDetails details = new ApplicationDetails(
                List.of(new Product("P1", product, ClassificationStatus.CONFIRMED, List.of(entry))), List.of(endUser),
                Set.of(endUser.countryCode()), endUse,
                new UndertakingDocument("demo-undertaking-" + id, "application/pdf", 48_213,
                        "9f2c4b7e1d0a6c3b8e5f2a1d4c7b0e3f6a9d2c5b8e1f4a7d0c3b6e9f2a5d8c1b"),
                Set.of(Safeguard.AUDIT_RIGHTS, Safeguard.NO_ONWARD_TRANSFER, Safeguard.LOGGING),
                new QuantityModel(4, 2, 1, 12), null);
        cases.startDraft(exporter, id, LicenceType.INDIVIDUAL, details, declared);
        cases.submit(exporter, id);
    }

    private static Party party(String name, String country, EndUserType type, String unit) {
        return new Party("EU1", PartyRole.END_USER, name, country, "Demo address 1, " + country, type, unit);
    }

    private Caller exporter(String username) {
        return jdbc.sql("""
                select u.id, u.display_name, o.id, o.name from app_user u join organisation o on o.id = u.organisation_id
                where u.username = :u""")
                .param("u", username)
                .query((rs, n) -> new Caller(rs.getObject(1, UUID.class), username, rs.getString(2),
                        rs.getObject(3, UUID.class), rs.getString(4), OrganisationKind.EXPORTER, Set.of(Role.EXPORTER), null))
                .single();
    }
}
