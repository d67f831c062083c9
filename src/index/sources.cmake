# Header-only: hash tables shared by fingerprint (dedup) and pipeline
# (corpus boilerplate).
twicetold_part(index
  DEPENDS core
)
