package io.fanzha.ledger.query.yearend;

import io.fanzha.ledger.platform.web.RequestIds;
import io.fanzha.ledger.query.audit.AuditReads;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Profile("!axonserver")
class YearEndPackageController {

  private final YearEndPackages packages;
  private final AuditReads reads;

  YearEndPackageController(YearEndPackages packages, AuditReads reads) {
    this.packages = packages;
    this.reads = reads;
  }

  @GetMapping("/api/audit/packages/{year}")
  void download(
      @PathVariable @Min(2000) @Max(2999) int year,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    response.setContentType("application/zip");
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"fanzha-" + year + ".zip\"");
    YearEndPackages.Packed packed = packages.write(year, response.getOutputStream());
    reads.record(
        RequestIds.of(request),
        "/api/audit/packages/" + year,
        Map.of("year", String.valueOf(year)),
        packed.events());
  }
}
