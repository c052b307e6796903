# Base-R check of the expected values in reconcile.test.ts: the same formulas (hts shrink.estim, MinT G) written out.
# Run: Rscript test/forecast/reconcile.R
shrink <- function(x) {
  n <- nrow(x); covm <- crossprod(x) / n
  tar <- diag(diag(covm))
  corm <- cov2cor(covm)
  xs <- scale(x, center = FALSE, scale = sqrt(diag(covm)))
  v <- (1 / (n * (n - 1))) * (crossprod(xs^2) - 1 / n * (crossprod(xs))^2)
  diag(v) <- 0
  d <- (corm - diag(nrow(covm)))^2
  lambda <- max(min(sum(v) / sum(d), 1), 0)
  list(W = lambda * tar + (1 - lambda) * covm, lambda = lambda)
}
mint <- function(S, W) { Wi <- solve(W); solve(t(S) %*% Wi %*% S) %*% t(S) %*% Wi }
x <- matrix(c(1, 2, -1, -1, 2, 1, 0, 1, -2, -1), ncol = 2, byrow = TRUE)
s <- shrink(x); cat(sprintf("%.15g", s$lambda), "\n"); print(s$W)
S <- rbind(c(1, 1), diag(2))
print(mint(S, diag(c(2, 1, 1))))
# a 3-child case: residuals 6 x 4 (total + 3), fixed numbers
E <- matrix(c( 5,  2,  1,  1,
              -3, -1, -1, -2,
               8,  4,  2,  1,
              -6, -2, -3,  0,
               2,  1,  0,  2,
              -1,  0, -2,  1), ncol = 4, byrow = TRUE)
s3 <- shrink(E); cat("lambda3", sprintf("%.15g", s3$lambda), "\n")
S3 <- rbind(c(1, 1, 1), diag(3))
G3 <- mint(S3, s3$W)
yhat <- c(100, 50, 30, 10)
cat("G3", sprintf("%.15g", as.vector(t(G3))), "\n")
cat("rec", sprintf("%.15g", as.vector(S3 %*% G3 %*% yhat)), "\n")
