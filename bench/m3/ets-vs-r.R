# Per-series dump of R's forecast::ets on the M3 yearly dev half, for bench/m3/ets-vs-r.mjs.
# Usage: Rscript bench/m3/ets-vs-r.R [M3_DIR] [OUT.csv]
#   M3_DIR default /work/shared/bench/m3; OUT default /tmp/r_ets_forms.csv
# One row per series and non-seasonal form (ANN, AAN, AAdN, MNN, MAN, MAdN; M forms only for
# positive series): fitted parameters, -2 log L as R reports it (n log SSE [+ 2 sum log|yhat|]),
# AICc, whether ets() with default settings selects that form, and its 6 point forecasts.
suppressPackageStartupMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
dir <- if (length(args) >= 1) args[1] else "/work/shared/bench/m3"
out <- if (length(args) >= 2) args[2] else "/tmp/r_ets_forms.csv"
d <- read.csv(file.path(dir, "m3_yearly_dev.csv"), stringsAsFactors = FALSE)
forms <- list(c("ANN", FALSE), c("AAN", FALSE), c("AAN", TRUE), c("MNN", FALSE), c("MAN", FALSE), c("MAN", TRUE))
rows <- list()
for (i in sort(unique(d$id))) {
  s <- d[d$id == i & d$split == "train", ]
  x <- ts(s$value[order(s$t)], frequency = 1)
  chosen <- ets(x)$method
  for (f in forms) {
    if (substr(f[1], 1, 1) == "M" && any(x <= 0)) next
    fit <- ets(x, model = f[1], damped = as.logical(f[2]))
    p <- fit$par
    g <- function(k) if (k %in% names(p)) unname(p[k]) else NA
    fc <- forecast(fit, h = 6)$mean
    form <- gsub(",", "", fit$method)
    rows[[length(rows) + 1]] <- data.frame(id = i, form = form, alpha = g("alpha"), beta = g("beta"),
      phi = g("phi"), l0 = g("l"), b0 = g("b"), lik = -2 * fit$loglik, aicc = fit$aicc,
      selected = as.integer(fit$method == chosen), f1 = fc[1], f2 = fc[2], f3 = fc[3], f4 = fc[4], f5 = fc[5], f6 = fc[6])
  }
}
write.csv(do.call(rbind, rows), out, row.names = FALSE, quote = FALSE)
cat("wrote", out, "\n")
