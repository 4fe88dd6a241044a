package dev.least.app.config;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The {@code least serve} application; started by {@link dev.least.app.cli.ServeCommand}. */
@SpringBootApplication(scanBasePackages = "dev.least.app")
public class LeastServerApplication {}
