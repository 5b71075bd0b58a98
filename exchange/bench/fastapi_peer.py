"""The server a LEX user would write today (upstream's samples/python-fastapi shape):
FastAPI + uvicorn + the reference library, POST /validate -> LexClient().validate(body).
It stores nothing; it is the peer of `lexedi serve` in the exchange benchmark."""

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from lexstandard import LexClient

app = FastAPI()
client = LexClient()


@app.post("/validate")
async def validate(request: Request) -> JSONResponse:
    body = await request.json()
    result = client.validate(body)
    return JSONResponse(result.to_dict(), status_code=200 if result.valid else 422)
