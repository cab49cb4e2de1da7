package io.fanzha.ledger.query.dashboard;

import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The dashboard page at {@code /dashboard}: static HTML whose scripts, styles and ECharts come from
 * this origin ({@code /dashboard/**}, {@code /webjars/**}), as the Content-Security-Policy demands.
 */
@Controller
class DashboardPage {

  private static final Resource PAGE = new ClassPathResource("static/dashboard/index.html");

  @GetMapping("/dashboard")
  ResponseEntity<Resource> page() {
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noCache())
        .body(PAGE);
  }
}
