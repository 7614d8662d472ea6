package org.pallas.server;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@PallasTest
class StartsTest {
    @Autowired
    DataSource ds;

    @Test
    void runsOnPostgres() {
        assertThat(new JdbcTemplate(ds).queryForObject("select version()", String.class))
                .contains("PostgreSQL");
    }
}
