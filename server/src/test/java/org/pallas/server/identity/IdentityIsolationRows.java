package org.pallas.server.identity;

import static org.pallas.server.IsolationRow.row;

import java.util.List;
import org.pallas.server.IsolationRow;
import org.pallas.server.IsolationRows;

/**
 * Identity's endpoints in the isolation matrix. Exporter A and civil society see only their own
 * organisation (404 for exporter B's); administration answers 403 to every non-administrator.
 */
class IdentityIsolationRows implements IsolationRows {

    private static final String NOT_ADMIN = "anon=401 adm=%d *=403";
    private static final String NOT_ADMIN_PAGE = "anon=302 adm=%d *=403";

    @Override
    public List<IsolationRow> rows() {
        return List.of(
                // API
                row("POST /api/v1/tokens")
                        .json("{\"username\":\"nobody-{unique}\",\"password\":\"wrong password\"}")
                        .expect("*=401"),
                row("GET /api/v1/tokens").expect("anon=401 *=200"),
                row("DELETE /api/v1/tokens/{id}").with("id", "@tokenA").expect("anon=401 A=204 *=404"),
                row("DELETE /api/v1/tokens/{id}").with("id", "@random").expect("anon=401 *=404"),
                row("GET /api/v1/me").expect("anon=401 *=200"),
                row("PUT /api/v1/me/password")
                        .json("{\"currentPassword\":\"not the password\",\"newPassword\":\"a-new-password-1\"}")
                        .expect("anon=401 *=400"),
                row("GET /api/v1/organisations").expect("anon=401 *=200"),
                row("GET /api/v1/organisations/{id}").with("id", "@orgB").expect("anon=401 A=404 cs=404 *=200"),
                row("GET /api/v1/organisations/{id}").with("id", "@orgA").expect("anon=401 B=404 cs=404 *=200"),
                row("GET /api/v1/organisations/{id}").with("id", "@random").expect("anon=401 *=404"),
                row("POST /api/v1/organisations")
                        .json("{\"name\":\"Matrix Org {unique}\",\"kind\":\"EXPORTER\",\"country\":\"FR\"}")
                        .expect(NOT_ADMIN.formatted(201)),
                row("PUT /api/v1/organisations/{id}")
                        .with("id", "@orgB")
                        .json("{\"name\":\"Calder Forensics GmbH\",\"kind\":\"EXPORTER\",\"country\":\"DE\"}")
                        .expect(NOT_ADMIN.formatted(200)),
                row("GET /api/v1/organisations/{id}/users").with("id", "@orgB").expect("anon=401 A=404 cs=404 *=200"),
                row("GET /api/v1/users/{id}").with("id", "@userB").expect("anon=401 A=404 cs=404 *=200"),
                row("GET /api/v1/users/{id}").with("id", "@userA").expect("anon=401 B=404 cs=404 *=200"),
                row("POST /api/v1/users")
                        .json(
                                "{\"organisationId\":\"@orgB\",\"username\":\"matrix-{unique}\",\"displayName\":\"Matrix User\","
                                        + "\"roles\":[\"EXPORTER\"],\"password\":\"a-long-enough-password\"}")
                        .expect(NOT_ADMIN.formatted(201)),
                row("PUT /api/v1/users/{id}")
                        .with("id", "@userB")
                        .json("{\"displayName\":\"Anna Fischer\",\"email\":\"calder.fischer@demo.pallas.invalid\"}")
                        .expect(NOT_ADMIN.formatted(200)),
                row("PUT /api/v1/users/{id}/roles")
                        .with("id", "@userB")
                        .json("{\"roles\":[\"EXPORTER\"]}")
                        .expect(NOT_ADMIN.formatted(200)),
                row("PUT /api/v1/users/{id}/enabled")
                        .with("id", "@userB")
                        .json("{\"enabled\":true}")
                        .expect(NOT_ADMIN.formatted(200)),
                // Pages
                row("GET /login").expect("anon=200 *=302"),
                row("GET /account").expect("anon=302 *=200"),
                row("POST /account/tokens").form("name=matrix").expect("anon=302 *=200"),
                row("POST /account/tokens/{id}/revoke").with("id", "@tokenA").expect("anon=302 A=302 *=404"),
                row("POST /account/password")
                        .form("currentPassword=wrong&newPassword=a-new-password-1")
                        .expect("anon=302 *=200"),
                row("GET /organisations").expect("anon=302 *=200"),
                row("GET /organisations/{id}").with("id", "@orgB").expect("anon=302 A=404 cs=404 *=200"),
                row("GET /organisations/{id}").with("id", "@orgA").expect("anon=302 B=404 cs=404 *=200"),
                row("GET /organisation").expect("*=302"),
                row("GET /admin").expect(NOT_ADMIN_PAGE.formatted(302)),
                row("GET /admin/organisations").expect(NOT_ADMIN_PAGE.formatted(200)),
                row("POST /admin/organisations")
                        .form("name=Matrix+Page+Org+{unique}&kind=EXPORTER&country=IT")
                        .expect(NOT_ADMIN_PAGE.formatted(302)),
                row("GET /admin/organisations/{id}").with("id", "@orgB").expect(NOT_ADMIN_PAGE.formatted(200)),
                row("GET /admin/organisations/{id}").with("id", "@random").expect(NOT_ADMIN_PAGE.formatted(404)),
                row("POST /admin/organisations/{id}")
                        .with("id", "@orgB")
                        .form("name=Calder+Forensics+GmbH&kind=EXPORTER&country=DE")
                        .expect(NOT_ADMIN_PAGE.formatted(302)),
                row("POST /admin/organisations/{id}/users")
                        .with("id", "@orgB")
                        .form(
                                "username=page-{unique}&displayName=Page+User&roles=EXPORTER&password=a-long-enough-password")
                        .expect(NOT_ADMIN_PAGE.formatted(302)),
                row("GET /admin/users/{id}").with("id", "@userB").expect(NOT_ADMIN_PAGE.formatted(200)),
                row("POST /admin/users/{id}")
                        .with("id", "@userB")
                        .form("displayName=Anna+Fischer&email=calder.fischer@demo.pallas.invalid")
                        .expect(NOT_ADMIN_PAGE.formatted(302)),
                row("POST /admin/users/{id}/roles")
                        .with("id", "@userB")
                        .form("roles=EXPORTER")
                        .expect(NOT_ADMIN_PAGE.formatted(302)),
                row("POST /admin/users/{id}/enabled")
                        .with("id", "@userB")
                        .form("enabled=true")
                        .expect(NOT_ADMIN_PAGE.formatted(302)));
    }
}
