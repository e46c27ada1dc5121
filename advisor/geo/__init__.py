"""Places: countries now; the gazetteer of towns joins it with the partner finder."""
