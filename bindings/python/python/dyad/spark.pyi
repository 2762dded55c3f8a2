from typing import Optional

from pyspark.sql import DataFrame
from pyspark.sql.types import StructType

def schema() -> StructType: ...
def code(
    df: DataFrame,
    text: str = "text",
    date: Optional[str] = "date",
    id: Optional[str] = "id",
    title: Optional[str] = None,
    dictionaries: Optional[str] = None,
    *,
    url: Optional[str] = None,
    source: Optional[str] = None,
) -> DataFrame: ...
