package org.pallas.server.policy;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pallas.policy.Rule;
import org.pallas.policy.Rulebook;
import org.pallas.server.PallasTest;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.identity.AccessTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/** The read-only rulebook pages: version, hash, every rule with its citations, unverified ones marked. */
@PallasTest
class RulebookPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Rulebooks rulebooks;

    private TestCast cast;

    @BeforeEach
    void cast() {
        cast = new TestCast(jdbc, tokens);
    }

    @Test
    void showsVersionHashAndEveryRuleToACaseworker() throws Exception {
        Rulebook shipped = rulebooks.active();
        var page = mvc.perform(get("/rulebook").with(cast.session(Who.CASEWORKER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(shipped.version())))
                .andExpect(content().string(containsString(shipped.contentHash())));
        for (Rule rule : shipped.rules()) {
            page.andExpect(content().string(containsString("id=\"rule-" + rule.id() + "\"")));
        }
    }

    @Test
    void marksARuleThatCitesAnUnverifiedIdAsUnverified() throws Exception {
        Rule unverified = rulebooks.active().rules().stream()
                .filter(Rule::unverified)
                .findFirst()
                .orElseThrow();
        Rule verified = rulebooks.active().rules().stream()
                .filter(r -> !r.unverified())
                .findFirst()
                .orElseThrow();
        mvc.perform(get("/rulebook/rules/" + unverified.id()).with(cast.session(Who.OVERSIGHT)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<strong>Unverified:</strong>")))
                .andExpect(content().string(containsString(HtmlUtils.htmlEscape(unverified.when()))));
        mvc.perform(get("/rulebook/rules/" + verified.id()).with(cast.session(Who.SENIOR_OFFICER)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<strong>Unverified:</strong>"))))
                .andExpect(content()
                        .string(containsString(verified.implementsIds().get(0).id())));
    }

    @Test
    void exportersCannotOpenTheRulebookPages() throws Exception {
        mvc.perform(get("/rulebook").with(cast.session(Who.EXPORTER_A))).andExpect(status().isForbidden());
    }
}
