-- wrk script: POST one realistic report to the JSON API per request.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[{"reporter":{"relation":"family","contact":"Telegram @sister_anna, evenings"},
"person":{"name":"Anna","age":24,"nationality":"PH","languages":"Tagalog, English"},
"location":{"country":"MM","city":"Myawaddy","compound":"KK Park","landmarks":"next to the river, blue gate","latitude":16.69,"longitude":98.51},
"documents":[{"type":"passport","number":"P1234567A","issuing_country":"PH","holder":"the company boss"}],
"recruitment":{"method":"social_media","websites_and_apps":"Facebook","recruiter":"Jenny HR","job_promised":"customer service in Bangkok","salary_promised":"1200 USD"},
"indicators":["cannot_leave","forced_scam","documents_taken","threats"],"wants":["rescue","go_home"],
"narrative":"She was told the job was in Bangkok. She is made to scam people 16 hours a day and is beaten when she misses targets.",
"consent":{"partner_ngos":true,"consulate":true}}]]
