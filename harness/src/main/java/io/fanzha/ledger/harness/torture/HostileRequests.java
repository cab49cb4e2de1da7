package io.fanzha.ledger.harness.torture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fanzha.ledger.harness.client.LedgerClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Malformed and oversized requests for every endpoint of the matrix, as a jqwik {@link Arbitrary}:
 * wrong types, unknown and missing fields, huge strings and numbers, deep nesting, bad JSON and
 * UTF-8, wrong content types, broken multipart, bad and traversing ids, hostile query values and
 * headers, with valid credentials of the allowed roles (mostly), another role's, none, or garbage.
 *
 * <p>Each request that could reach a handler that records carries at least one defect that must
 * refuse it: a request to a create (no path variable) always has a defective body or content type;
 * one with a path variable names something that does not exist (ids are never those of the street
 * the run sets up). So the ledger must record nothing, whatever it answers.
 */
public final class HostileRequests {

  /** The ledger's id rule; a hostile id must break it. */
  private static final Pattern LEDGER_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private static final ObjectMapper JSON = LedgerClient.json();

  /** What may be wrong with a body; each of these must be refused. */
  enum BodyAttack {
    BAD_JSON,
    BAD_UTF8,
    WRONG_CONTENT_TYPE,
    UNKNOWN_FIELD,
    WRONG_KIND,
    BAD_ID,
    HUGE_NUMBER,
    DEEP_NESTING,
    OVERSIZED,
    EMPTY,
    WRONG_TOP_LEVEL
  }

  private static final List<String> NASTY =
      List.of(
          "../../../../etc/passwd",
          "..%2f..%2fetc%2fpasswd",
          "..\\..\\windows\\win.ini",
          "%00",
          "\u0000",
          "a b",
          "<script>alert(1)</script>",
          "' OR '1'='1",
          "{\"$gt\":\"\"}",
          "$where",
          "${jndi:ldap://x/a}",
          "#{7*7}",
          "\r\nX-Injected: 1",
          "\uD800",
          "\uFEFF",
          "东门",
          "∞",
          "-1",
          "NaN",
          "1e309",
          "99999999999999999999999",
          "2026-02-30",
          "2026-13-01",
          "9999-99",
          "null",
          "true",
          "[]",
          "%ZZ",
          "%",
          ";",
          "*",
          "");

  private static final List<String> PARAMS =
      List.of(
          "page",
          "size",
          "from",
          "to",
          "after",
          "limit",
          "asOf",
          "month",
          "campaignId",
          "unitId",
          "status",
          "state",
          "kind",
          "actor",
          "role",
          "type",
          "aggregateId",
          "requestId",
          "year",
          "unitId[$ne]",
          "page[]",
          "size.x");

  private static final List<String> CONTENT_TYPES =
      List.of(
          "text/plain",
          "application/xml",
          "application/x-www-form-urlencoded",
          "application/octet-stream",
          "image/png",
          "multipart/form-data",
          "garbage",
          ";;;",
          "application/",
          "text/html; charset=utf-8");

  private HostileRequests() {}

  /**
   * Requests against {@code rows}, carrying for each role the credentials in {@code credentials}
   * ({@code role -> {user, password}}).
   */
  public static Arbitrary<HostileRequest> against(
      List<EndpointMatrix.Row> rows, Map<String, String[]> credentials) {
    Arbitrary<String> hostileText =
        Arbitraries.oneOf(
            Arbitraries.of(NASTY),
            Arbitraries.strings().all().ofMaxLength(40),
            Arbitraries.strings().withChars("a/.%_-").ofMinLength(65).ofMaxLength(4000));
    Arbitrary<String> badId = hostileText.filter(s -> !LEDGER_ID.matcher(s).matches());
    return Combinators.combine(
            Arbitraries.of(rows),
            Arbitraries.of(BodyAttack.class),
            badId,
            hostileText,
            Arbitraries.integers().between(0, 99),
            Arbitraries.longs())
        .as(
            (row, attack, id, text, dice, seed) ->
                build(row, attack, id, text, dice, new Random(seed), credentials));
  }

  private static HostileRequest build(
      EndpointMatrix.Row row,
      BodyAttack attack,
      String badId,
      String text,
      int dice,
      Random random,
      Map<String, String[]> credentials) {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    String role = authorize(row, dice, random, credentials, headers);
    String method = row.method().equals("ANY") ? pick(random, "GET", "PUT", "POST") : row.method();
    boolean hasVariable = row.path().contains("*");
    // a path variable is a hostile id or a well-formed one that names nothing
    String path = row.path();
    while (path.contains("*")) {
      String value = random.nextBoolean() ? badId : "fz" + Long.toString(random.nextLong(), 36);
      path = path.replaceFirst("\\*", Matcher.quoteReplacement(segment(value, random)));
    }
    String target = path + query(row, text, random);
    byte[] body = new byte[0];
    String label;
    if (method.equals("GET") || method.equals("DELETE")) {
      label = "hostile-query";
      if (dice < 10) {
        // a body where none belongs
        headers.add(Map.entry("Content-Type", "application/json"));
        body = "{\"x\":".getBytes(StandardCharsets.UTF_8);
        label = "body-on-" + method.toLowerCase();
      }
    } else if (row.path().endsWith("/evidence")) {
      Multipart multipart = multipart(badId, random, headers);
      label = "multipart-" + multipart.label();
      body = multipart.body();
    } else if (hasVariable && dice < 25) {
      // a well-formed body to something that does not exist
      label = "valid-body-unknown-target";
      headers.add(Map.entry("Content-Type", "application/json"));
      body = bytes(template(row.path()));
    } else {
      label = attack.name().toLowerCase().replace('_', '-');
      body = attack(attack, template(row.path()), badId, text, random, headers);
    }
    noise(dice, random, headers);
    return new HostileRequest(
        row.side(), row.method() + " " + row.path(), label, role, method, target, headers, body);
  }

  private static String authorize(
      EndpointMatrix.Row row,
      int dice,
      Random random,
      Map<String, String[]> credentials,
      List<Map.Entry<String, String>> headers) {
    String role;
    if (dice < 72 || row.allowed().isEmpty()) {
      role =
          row.allowed().isEmpty()
              ? "STREET_OFFICE"
              : row.allowed().get(random.nextInt(row.allowed().size()));
    } else if (dice < 82) {
      role = EndpointMatrix.ROLES.get(random.nextInt(EndpointMatrix.ROLES.size()));
    } else if (dice < 87) {
      return "none";
    } else {
      // never a wrong password for a real account: that would lock it for the rest of the run
      String value =
          switch (random.nextInt(6)) {
            case 0 -> "Basic !!!not-base64";
            case 1 -> basic("nobody-" + Long.toString(random.nextLong(), 36), "x");
            case 2 -> "Bearer abc.def.ghi";
            case 3 -> "Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes());
            case 4 -> "Digest username=\"street\"";
            default -> "Basic " + "A".repeat(3000 + random.nextInt(3000));
          };
      headers.add(Map.entry("Authorization", value));
      return "hostile";
    }
    String[] user = credentials.get(role);
    headers.add(Map.entry("Authorization", basic(user[0], user[1])));
    return role;
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** A path segment: mostly percent-encoded, sometimes raw when the text is printable ASCII. */
  private static String segment(String value, Random random) {
    boolean printable = value.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    if (printable && random.nextInt(3) == 0) {
      return value;
    }
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String query(EndpointMatrix.Row row, String text, Random random) {
    int count = row.method().equals("GET") ? random.nextInt(4) : random.nextInt(2);
    StringBuilder query = new StringBuilder();
    for (int i = 0; i < count; i++) {
      String name = PARAMS.get(random.nextInt(PARAMS.size()));
      String value = i == 0 ? text : NASTY.get(random.nextInt(NASTY.size()));
      query.append(i == 0 ? '?' : '&').append(segment(name, random)).append('=');
      query.append(segment(value, random));
    }
    if (count > 0 && random.nextInt(10) == 0) {
      query.append("&size=").append("9".repeat(1 + random.nextInt(30)));
    }
    return query.toString();
  }

  private static byte[] attack(
      BodyAttack attack,
      ObjectNode template,
      String badId,
      String text,
      Random random,
      List<Map.Entry<String, String>> headers) {
    String json = "application/json";
    switch (attack) {
      case BAD_JSON -> {
        String whole = template.toString();
        headers.add(Map.entry("Content-Type", json));
        return bytes(whole.substring(0, 1 + random.nextInt(whole.length() - 1)));
      }
      case BAD_UTF8 -> {
        headers.add(Map.entry("Content-Type", json + "; charset=UTF-8"));
        byte[] whole = bytes(template);
        int at = 2 + random.nextInt(Math.max(1, whole.length - 4));
        byte[] broken = java.util.Arrays.copyOf(whole, whole.length + 2);
        System.arraycopy(whole, at, broken, at + 2, whole.length - at);
        broken[at] = (byte) 0xC3;
        broken[at + 1] = (byte) 0x28;
        return broken;
      }
      case WRONG_CONTENT_TYPE -> {
        if (random.nextInt(5) > 0) {
          headers.add(
              Map.entry("Content-Type", CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size()))));
        }
        return bytes(template);
      }
      case UNKNOWN_FIELD -> {
        template.put(text.isEmpty() ? "unknown" : text, text);
        headers.add(Map.entry("Content-Type", json));
        return bytes(template);
      }
      case WRONG_KIND -> {
        List<String> fields = fields(template);
        int n = 1 + random.nextInt(Math.max(1, fields.size()));
        for (int i = 0; i < n && !fields.isEmpty(); i++) {
          String field = fields.get(random.nextInt(fields.size()));
          JsonNode before = template.get(field);
          template.set(field, wrongKind(before, random));
        }
        if (fields.isEmpty()) {
          template.put("unknown", 1);
        }
        headers.add(Map.entry("Content-Type", json));
        return bytes(template);
      }
      case BAD_ID -> {
        if (template.has("id")) {
          template.put("id", badId);
        } else if (template.has("username")) {
          template.put("username", badId.isEmpty() ? "" : badId + "\u0000");
        } else {
          template.put("id", badId);
        }
        headers.add(Map.entry("Content-Type", json));
        return bytes(template);
      }
      case HUGE_NUMBER -> {
        String number =
            switch (random.nextInt(4)) {
              case 0 -> "9".repeat(20 + random.nextInt(2000));
              case 1 -> "1e" + (309 + random.nextInt(100000));
              case 2 -> "-" + "9".repeat(25);
              default -> "0." + "0".repeat(1200) + "1";
            };
        headers.add(Map.entry("Content-Type", json));
        List<String> fields = fields(template);
        String field = fields.isEmpty() ? "unknown" : fields.get(random.nextInt(fields.size()));
        template.remove(field);
        String rest = template.toString();
        // a number read into a text field is taken as text: the unknown field at the end refuses
        String patched =
            "{\""
                + field
                + "\":"
                + number
                + (rest.length() > 2 ? "," + rest.substring(1, rest.length() - 1) : "")
                + ",\"fz-unknown\":0}";
        return bytes(patched);
      }
      case DEEP_NESTING -> {
        int depth = 1001 + random.nextInt(60000);
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        headers.add(Map.entry("Content-Type", json));
        return bytes("{\"id\":" + open.repeat(depth) + "1" + close.repeat(depth) + "}");
      }
      case OVERSIZED -> {
        headers.add(Map.entry("Content-Type", json));
        template.put(
            fields(template).isEmpty() ? "summary" : fields(template).get(0),
            "宣".repeat(90_000 + random.nextInt(300_000)));
        return bytes(template);
      }
      case EMPTY -> {
        headers.add(Map.entry("Content-Type", json));
        return new byte[0];
      }
      case WRONG_TOP_LEVEL -> {
        headers.add(Map.entry("Content-Type", json));
        return bytes(pick(random, "[]", "null", "\"text\"", "42", "[" + template + "]", "true"));
      }
    }
    throw new IllegalStateException("unhandled " + attack);
  }

  private static JsonNode wrongKind(JsonNode before, Random random) {
    if (before != null && before.isObject()) {
      ArrayNode array = JSON.createArrayNode();
      array.add(1).add("x");
      return array;
    }
    if (before != null && before.isArray()) {
      return JSON.createObjectNode().put("x", random.nextInt());
    }
    ObjectNode object = JSON.createObjectNode();
    object.putArray("x").add(1).addObject().putNull("y");
    return object;
  }

  private record Multipart(String label, byte[] body) {}

  private static Multipart multipart(
      String badId, Random random, List<Map.Entry<String, String>> headers) {
    String boundary = "fz" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
    StringBuilder body = new StringBuilder();
    String label;
    switch (random.nextInt(7)) {
      case 0 -> {
        label = "no-boundary";
        headers.add(Map.entry("Content-Type", "multipart/form-data"));
        body.append("--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc\r\n--x--\r\n");
      }
      case 1 -> {
        label = "truncated";
        headers.add(Map.entry("Content-Type", "multipart/form-data; boundary=" + boundary));
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"fi");
      }
      case 2 -> {
        label = "no-file";
        headers.add(Map.entry("Content-Type", "multipart/form-data; boundary=" + boundary));
        part(body, boundary, "kind", null, "PHOTO");
        body.append("--").append(boundary).append("--\r\n");
      }
      case 3 -> {
        label = "bad-kind";
        headers.add(Map.entry("Content-Type", "multipart/form-data; boundary=" + boundary));
        part(body, boundary, "kind", null, badId);
        part(body, boundary, "file", "photo.png", "\u0089PNG not really");
        body.append("--").append(boundary).append("--\r\n");
      }
      case 4 -> {
        label = "traversing-filename";
        headers.add(Map.entry("Content-Type", "multipart/form-data; boundary=" + boundary));
        part(body, boundary, "kind", null, "PHOTO");
        part(body, boundary, "file", "../../../../etc/passwd", "root:x:0:0");
        body.append("--").append(boundary).append("--\r\n");
      }
      case 5 -> {
        label = "json-instead";
        headers.add(Map.entry("Content-Type", "application/json"));
        body.append("{\"file\":\"abc\",\"kind\":\"PHOTO\"}");
      }
      default -> {
        label = "wrong-boundary";
        headers.add(Map.entry("Content-Type", "multipart/form-data; boundary=" + boundary + "x"));
        part(body, boundary, "kind", null, "PHOTO");
        part(body, boundary, "file", "a.png", "abc");
        body.append("--").append(boundary).append("--\r\n");
      }
    }
    return new Multipart(label, body.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void part(
      StringBuilder body, String boundary, String name, String fileName, String content) {
    body.append("--").append(boundary).append("\r\n");
    body.append("Content-Disposition: form-data; name=\"").append(name).append('"');
    if (fileName != null) {
      body.append("; filename=\"").append(fileName).append("\"\r\nContent-Type: image/png");
    }
    body.append("\r\n\r\n").append(content).append("\r\n");
  }

  private static void noise(int dice, Random random, List<Map.Entry<String, String>> headers) {
    if (dice % 3 != 0) {
      return;
    }
    switch (random.nextInt(9)) {
      case 0 -> headers.add(Map.entry("X-Request-Id", "r".repeat(200 + random.nextInt(5000))));
      case 1 -> headers.add(Map.entry("X-Request-Id", "请求<script>\u0001"));
      case 2 ->
          headers.add(
              Map.entry(
                  "Accept",
                  pick(random, "text/html", "image/png", "application/xml", "*/*;q=abc", ";;;")));
      case 3 -> headers.add(Map.entry("Origin", "http://evil.example"));
      case 4 -> headers.add(Map.entry("X-Forwarded-For", "::::, 999.1.1.1, <x>"));
      case 5 -> headers.add(Map.entry("Cookie", "JSESSIONID=" + "x".repeat(100) + "; a"));
      case 6 -> headers.add(Map.entry("X-Padding", "p".repeat(9000 + random.nextInt(8000))));
      case 7 -> headers.add(Map.entry("Accept-Language", "zz-ZZZZZZZZ;q=2"));
      default -> headers.add(Map.entry("Content-Encoding", "gzip"));
    }
  }

  private static List<String> fields(ObjectNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

  private static String pick(Random random, String... choices) {
    return choices[random.nextInt(choices.length)];
  }

  private static byte[] bytes(Object value) {
    return (value instanceof String s ? s : value.toString()).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A body shaped as the endpoint expects (the README's examples), naming units and campaigns that
   * do not exist.
   */
  static ObjectNode template(String path) {
    String json =
        switch (path) {
          case "/api/units" ->
              "{\"id\":\"fz-u1\",\"name\":\"东门社区\",\"kind\":\"COMMUNITY\",\"parentId\":\"fz-none\",\"population\":12000}";
          case "/api/campaigns" ->
              "{\"id\":\"fz-c1\",\"title\":\"宣传\",\"jurisdictionUnitId\":\"fz-none\",\"startDate\":\"2026-01-01\","
                  + "\"endDate\":\"2026-12-31\",\"monthlyReportDueDay\":30,\"yearEndReportDue\":\"2026-12-30\","
                  + "\"communityIds\":[\"fz-none\"],\"phases\":[{\"name\":\"集中宣传\",\"from\":\"2026-03-01\",\"to\":\"2026-10-31\"}]}";
          case "/api/accounts" ->
              "{\"username\":\"fz-user\",\"password\":\"change-me\",\"role\":\"COMMUNITY\",\"unitId\":\"fz-none\"}";
          case "/api/campaigns/*/tasks" ->
              "{\"id\":\"fz-t1\",\"description\":\"每月宣传\",\"responsibleUnitIds\":[\"fz-none\"],"
                  + "\"cooperatingUnitIds\":[],\"recurrence\":\"MONTHLY\",\"evidenceRequired\":true}";
          case "/api/campaigns/*/rulebook" ->
              "{\"effectiveFrom\":\"2026-07-01\",\"rulebook\":{\"version\":\"v2\",\"basePoints\":100,"
                  + "\"excellentFrom\":95,\"passFrom\":90,\"caseRateBands\":[]}}";
          case "/api/publish-events" ->
              "{\"id\":\"fz-e1\",\"campaignId\":\"fz-none\",\"unitId\":\"fz-none\",\"heldOn\":\"2026-03-05\","
                  + "\"location\":{\"name\":\"菜市场\",\"kind\":\"MARKET\"},\"formats\":[\"LEAFLET\"],"
                  + "\"targetGroups\":[\"ELDERLY\"],\"audienceCount\":120,\"materialsDistributed\":300}";
          case "/api/fraud-leads" ->
              "{\"id\":\"fz-l1\",\"reportingUnitId\":\"fz-none\",\"campaignId\":\"fz-none\","
                  + "\"discoveredOn\":\"2026-03-05\",\"category\":\"ORDER_BRUSHING\",\"summary\":\"刷单\","
                  + "\"suspect\":{\"phones\":[\"13800000000\"],\"accounts\":[],\"urls\":[]}}";
          case "/api/monthly-reports" ->
              "{\"campaignId\":\"fz-none\",\"unitId\":\"fz-none\",\"month\":\"2026-03\",\"statistics\":"
                  + statistics()
                  + ",\"summary\":\"小结\"}";
          case "/api/year-end-reports" ->
              "{\"campaignId\":\"fz-none\",\"unitId\":\"fz-none\",\"statistics\":"
                  + statistics()
                  + "}";
          case "/api/rectifications/*/completion" -> "{\"note\":\"已补齐\"}";
          case "/api/penalties" ->
              "{\"id\":\"fz-p1\",\"campaignId\":\"fz-none\",\"unitId\":\"fz-none\",\"points\":2,"
                  + "\"reasonCode\":\"LATE_MATERIALS\",\"description\":\"迟报\",\"basisEventIds\":[]}";
          case "/api/penalties/*/revocation" -> "{\"reason\":\"复核后撤销\"}";
          case "/api/commendations" ->
              "{\"id\":\"fz-m1\",\"campaignId\":\"fz-none\",\"unitId\":\"fz-none\",\"points\":3,\"reason\":\"特色\"}";
          case "/api/inspections" ->
              "{\"id\":\"fz-i1\",\"campaignId\":\"fz-none\",\"unitId\":\"fz-none\",\"kind\":\"SPOT_CHECK\","
                  + "\"conductedOn\":\"2026-04-10\",\"findings\":\"缺照片\",\"rating\":\"PASS\"}";
          case "/api/rectifications" ->
              "{\"id\":\"fz-r1\",\"campaignId\":\"fz-none\",\"unitId\":\"fz-none\",\"inspectionId\":\"fz-none\","
                  + "\"requirement\":\"补齐\",\"dueDate\":\"2026-04-30\"}";
          case "/api/fraud-cases" ->
              "{\"id\":\"fz-k1\",\"communityId\":\"fz-none\",\"occurredOn\":\"2026-03-20\","
                  + "\"category\":\"FAKE_INVESTMENT\",\"lossYuan\":52000,\"victimGroup\":\"ELDERLY\"}";
          case "/api/fraud-leads/*/outcome" -> "{\"outcome\":\"CASE_FILED\",\"note\":\"已立案\"}";
          case "/api/feeds/police-leads/acknowledgements" -> "{\"leadIds\":[\"fz-none\"]}";
          case "/api/audit/seals" ->
              "{\"id\":\"fz-s1\",\"from\":\"2026-01-01\",\"to\":\"2026-01-31\"}";
          case "/api/data-subjects/erasure" -> "{\"phone\":\"13800000000\"}";
          case "/admin/clock" -> "{\"now\":\"2026-03-01T00:00:00Z\"}";
          default -> "{}";
        };
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("template of " + path, e);
    }
  }

  private static String statistics() {
    return "{\"eventsHeld\":1,\"audienceReached\":120,\"materialsDistributed\":300,\"postersPut\":20,"
        + "\"smsSent\":0,\"screenBroadcasts\":2,\"householdsVisited\":40,\"leadsFound\":1}";
  }
}
