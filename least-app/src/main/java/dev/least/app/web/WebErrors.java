package dev.least.app.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors on dashboard pages render as an HTML page (the API's problem+json is for API clients). Bad
 * input on forms is reported on the page the form came from, not here.
 */
@ControllerAdvice(basePackageClasses = WebErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class WebErrors {
  private static final Logger LOG = LoggerFactory.getLogger(WebErrors.class);

  @ExceptionHandler(PageNotFound.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  ModelAndView notFound(PageNotFound e) {
    return page("Not found", e.getMessage());
  }

  @ExceptionHandler(IllegalArgumentException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  ModelAndView badInput(IllegalArgumentException e) {
    return page("Bad request", e.getMessage());
  }

  @ExceptionHandler(RuntimeException.class)
  @ResponseStatus(HttpStatus.INTERNAL_SERVER_ERROR)
  ModelAndView unexpected(RuntimeException e) {
    LOG.error("unexpected error on a dashboard page", e);
    return page("Something went wrong", "Unexpected error; see the server log.");
  }

  private static ModelAndView page(String title, String message) {
    ModelAndView mv = new ModelAndView("error-page");
    mv.addObject("title", title);
    mv.addObject("message", message);
    return mv;
  }
}
