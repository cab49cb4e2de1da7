package io.fanzha.ledger.command.bench.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validator;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.annotation.Profile;
import org.springframework.core.BridgeMethodResolver;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.convert.ConversionService;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Turns a request of the API ({@code POST /api/...} with a JSON body) into a call of the very
 * handler method Spring MVC would call, with the arguments it would pass: the body read by the
 * application's own mapper, path variables converted, the endpoint rules and the bean constraints
 * checked. The controllers thus build their commands exactly as over HTTP, and nothing of theirs is
 * repeated here. Multipart uploads and query parameters are not supported.
 */
@Component
@Profile("bench")
class ApiCommands {

  private final RequestMappingHandlerMapping mappings;
  private final ObjectMapper json;
  private final Validator validator;
  private final WebInvocationPrivilegeEvaluator endpointRules;
  private final ConversionService conversion = ApplicationConversionService.getSharedInstance();
  private final ParameterNameDiscoverer parameterNames = new DefaultParameterNameDiscoverer();

  ApiCommands(
      @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings,
      ObjectMapper json,
      Validator validator,
      WebInvocationPrivilegeEvaluator endpointRules) {
    this.mappings = mappings;
    this.json = json;
    this.validator = validator;
    this.endpointRules = endpointRules;
  }

  /** A request ready to be carried out: the controller, its handler method and the arguments. */
  record Prepared(Object controller, Method method, Object[] arguments, Authentication actor) {

    /** Calls the handler method; what it throws is thrown as is, as MVC would see it. */
    Object invoke() throws Throwable {
      try {
        return method.invoke(controller, arguments);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }

  /** A request refused before dispatch; {@code reason} is a short slug. */
  static final class NotDispatched extends Exception {
    final String reason;

    NotDispatched(String reason, String detail) {
      super(detail, null, false, false);
      this.reason = reason;
    }
  }

  Prepared prepare(String path, JsonNode body, Authentication actor) throws NotDispatched {
    if (path.contains("?") || !path.startsWith("/api/")) {
      throw new NotDispatched("unsupported", "only POST /api/... with a JSON body: " + path);
    }
    if (!endpointRules.isAllowed("", path, "POST", actor)) {
      throw new NotDispatched("forbidden", actor.getName() + " may not POST " + path);
    }
    Match match = find(path);
    HandlerMethod handler = match.handler().createWithResolvedBean();
    MethodParameter[] parameters = handler.getMethodParameters();
    Object[] arguments = new Object[parameters.length];
    for (int i = 0; i < parameters.length; i++) {
      MethodParameter parameter = parameters[i];
      parameter.initParameterNameDiscovery(parameterNames);
      PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
      if (parameter.hasParameterAnnotation(RequestBody.class)) {
        arguments[i] = read(body, parameter);
      } else if (variable != null) {
        String name = variable.name().isEmpty() ? parameter.getParameterName() : variable.name();
        arguments[i] =
            conversion.convert(match.variables().get(name), parameter.getParameterType());
      } else {
        throw new NotDispatched("unsupported", path + " takes more than a body and path ids");
      }
    }
    Method method = BridgeMethodResolver.findBridgedMethod(handler.getMethod());
    // the body's constraints (@Valid) and the path ids' (@LedgerId), as MVC checks them
    Set<?> violations =
        validator.forExecutables().validateParameters(handler.getBean(), method, arguments);
    if (!violations.isEmpty()) {
      throw new NotDispatched("validation", violations.size() + " constraint(s) broken");
    }
    ReflectionUtils.makeAccessible(method);
    return new Prepared(handler.getBean(), method, arguments, actor);
  }

  private Object read(JsonNode body, MethodParameter parameter) throws NotDispatched {
    try {
      return json.readerFor(json.constructType(parameter.getGenericParameterType()))
          .readValue(body);
    } catch (IOException e) {
      throw new NotDispatched("unreadable", e.getMessage());
    }
  }

  private record Match(PathPattern pattern, HandlerMethod handler, Map<String, String> variables) {}

  /** The most specific POST mapping of the API taking JSON that matches {@code path}. */
  private Match find(String path) throws NotDispatched {
    PathContainer container = PathContainer.parsePath(path);
    Match best = null;
    for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
        mappings.getHandlerMethods().entrySet()) {
      RequestMappingInfo info = entry.getKey();
      if (!info.getMethodsCondition().getMethods().contains(RequestMethod.POST)
          || !takesJson(info)
          || info.getPathPatternsCondition() == null) {
        continue;
      }
      for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
        PathPattern.PathMatchInfo matched = pattern.matchAndExtract(container);
        if (matched != null
            && (best == null
                || PathPattern.SPECIFICITY_COMPARATOR.compare(pattern, best.pattern()) < 0)) {
          best = new Match(pattern, entry.getValue(), matched.getUriVariables());
        }
      }
    }
    if (best == null) {
      throw new NotDispatched("no-such-command", "no POST mapping for " + path);
    }
    return best;
  }

  private static boolean takesJson(RequestMappingInfo info) {
    Set<MediaType> consumes = info.getConsumesCondition().getConsumableMediaTypes();
    return consumes.isEmpty() || consumes.stream().anyMatch(MediaType.APPLICATION_JSON::includes);
  }
}
