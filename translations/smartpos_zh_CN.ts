<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CartLineDelegate</name>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
</context>
<context>
    <name>CashierView</name>
    <message>
        <source>Cashier</source>
        <translation>收银台</translation>
    </message>
    <message>
        <source>Scan or type a barcode, then Enter</source>
        <translation>扫描或输入条码，按 Enter 确认</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索商品</translation>
    </message>
    <message>
        <source>Scan the first product</source>
        <translation>请扫描第一件商品</translation>
    </message>
    <message>
        <source>Change ¥%1</source>
        <translation>找零 ¥%1</translation>
    </message>
    <message>
        <source>Enter or the next scan starts a new sale</source>
        <translation>按 Enter 或直接扫码，开始下一笔交易</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>共 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>incl. VAT ¥%1</source>
        <translation>含增值税 ¥%1</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Cash payment</source>
        <translation>现金支付</translation>
    </message>
    <message>
        <source>Quantity +1</source>
        <translation>数量 +1</translation>
    </message>
    <message>
        <source>Quantity −1</source>
        <translation>数量 −1</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>删除商品</translation>
    </message>
    <message>
        <source>Cancel sale</source>
        <translation>取消交易</translation>
    </message>
    <message>
        <source>Total ¥%1 · cash received ¥%2</source>
        <translation>应收 ¥%1 · 实收现金 ¥%2</translation>
    </message>
</context>
<context>
    <name>CashierWindow</name>
    <message>
        <source>SmartPOS — Cashier</source>
        <translation>SmartPOS — 收银台</translation>
    </message>
</context>
<context>
    <name>CustomerView</name>
    <message>
        <source>Fresh fruit every morning</source>
        <translation>新鲜水果，每天早上到店</translation>
    </message>
    <message>
        <source>Hot coffee, made to order</source>
        <translation>现磨热咖啡，现点现做</translation>
    </message>
    <message>
        <source>Cold drinks, always chilled</source>
        <translation>冷饮全天冰镇，随时畅饮</translation>
    </message>
    <message>
        <source>Members earn points on every purchase</source>
        <translation>会员每次消费均可积分</translation>
    </message>
    <message>
        <source>Welcome!</source>
        <translation>欢迎光临！</translation>
    </message>
    <message>
        <source>Your items</source>
        <translation>您的商品</translation>
    </message>
    <message>
        <source>Please pay</source>
        <translation>请付款</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>共 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>谢谢惠顾！</translation>
    </message>
    <message>
        <source>Your change ¥%1</source>
        <translation>找零 ¥%1</translation>
    </message>
    <message>
        <source>Please take your receipt. See you soon!</source>
        <translation>请收好小票，欢迎再次光临！</translation>
    </message>
    <message>
        <source>Total ¥%1 · cash received ¥%2</source>
        <translation>应付 ¥%1 · 实付现金 ¥%2</translation>
    </message>
</context>
<context>
    <name>CustomerWindow</name>
    <message>
        <source>SmartPOS — Customer display</source>
        <translation>SmartPOS — 顾客显示屏</translation>
    </message>
</context>
<context>
    <name>ErrorWindow</name>
    <message>
        <source>SmartPOS cannot start</source>
        <translation>SmartPOS 无法启动</translation>
    </message>
    <message>
        <source>No sale was lost: the data files were not changed. Fix the problem above, then start SmartPOS again.</source>
        <translation>没有丢失任何交易：数据文件未被改动。请先解决上述问题，再重新启动 SmartPOS。</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>KeyHints</name>
    <message>
        <source>Search</source>
        <translation>搜索商品</translation>
    </message>
    <message>
        <source>Select line</source>
        <translation>选择商品</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>增减数量</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>删除商品</translation>
    </message>
    <message>
        <source>Cancel sale</source>
        <translation>取消交易</translation>
    </message>
    <message>
        <source>Pay cash</source>
        <translation>现金支付</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>切换语言</translation>
    </message>
    <message>
        <source>Add barcode / next sale</source>
        <translation>加入条码 / 下一笔</translation>
    </message>
</context>
<context>
    <name>PaymentPanel</name>
    <message>
        <source>Cash payment</source>
        <translation>现金支付</translation>
    </message>
    <message>
        <source>Amount due ¥%1</source>
        <translation>应收 ¥%1</translation>
    </message>
    <message>
        <source>Cash received, e.g. 100</source>
        <translation>输入实收金额，如 100</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>确认收款</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Exact amount</source>
        <translation>无需找零</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search products by name, SKU or barcode</source>
        <translation>按名称、货号或条码搜索商品</translation>
    </message>
</context>
<context>
    <name>SingleWindow</name>
    <message>
        <source>SmartPOS</source>
        <translation>SmartPOS</translation>
    </message>
</context>
<context>
    <name>smartpos::CashierController</name>
    <message>
        <source>Scan ignored: finish the payment or press Esc to go back to the cart.</source>
        <translation>本次扫码无效：请先完成付款，或按 Esc 返回购物车。</translation>
    </message>
    <message>
        <source>%1 is sold by weight: weigh it and scan the scale label.</source>
        <translation>%1 是称重商品：请先称重，再扫描电子秤标签。</translation>
    </message>
    <message>
        <source>Could not add %1.</source>
        <translation>无法添加 %1。</translation>
    </message>
    <message>
        <source>Weighed items keep the weight on their label.</source>
        <translation>称重商品按标签重量计价，不能修改数量。</translation>
    </message>
    <message>
        <source>Quantity must be between 1 and %1.</source>
        <translation>数量必须在 1 到 %1 之间。</translation>
    </message>
    <message>
        <source>Sale cancelled.</source>
        <translation>交易已取消。</translation>
    </message>
    <message>
        <source>Scan a product first.</source>
        <translation>请先扫描商品。</translation>
    </message>
    <message>
        <source>“%1” is not an amount. Type it like 100 or 58.50.</source>
        <translation>“%1”不是有效金额，请输入如 100 或 58.50。</translation>
    </message>
    <message>
        <source>Sale %1 saved.</source>
        <translation>交易已保存，流水号 %1。</translation>
    </message>
</context>
<context>
    <name>smartpos::CatalogStore</name>
    <message>
        <source>PLU %1 already belongs to another product</source>
        <translation>PLU %1 已被其他商品使用</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>the first line must be the header: %1</source>
        <translation>第一行必须是表头：%1</translation>
    </message>
    <message>
        <source>SKU %1 appears twice in the file</source>
        <translation>SKU %1 在文件中重复出现</translation>
    </message>
    <message>
        <source>PLU %1 appears twice in the file</source>
        <translation>PLU %1 在文件中重复出现</translation>
    </message>
    <message>
        <source>barcode %1 appears twice in the file</source>
        <translation>条码 %1 在文件中重复出现</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>expected 9 fields, found %1</source>
        <translation>应有 9 个字段，实际为 %1 个</translation>
    </message>
    <message>
        <source>the SKU is empty</source>
        <translation>SKU（货号）为空</translation>
    </message>
    <message>
        <source>barcode &quot;%1&quot; is not a valid EAN-13, EAN-8 or UPC-A</source>
        <translation>条码“%1”不是有效的 EAN-13、EAN-8 或 UPC-A 条码</translation>
    </message>
    <message>
        <source>barcode %1 is in the in-store range (prefix 2) kept for scale labels</source>
        <translation>条码 %1 属于店内码段（前缀 2），该码段专用于电子秤标签</translation>
    </message>
    <message>
        <source>the product has no name</source>
        <translation>商品没有名称</translation>
    </message>
    <message>
        <source>the category is empty</source>
        <translation>商品分类为空</translation>
    </message>
    <message>
        <source>price_fen &quot;%1&quot; is not a whole number of fen ≥ 0</source>
        <translation>price_fen“%1”不是 ≥ 0 的整数（单位：分）</translation>
    </message>
    <message>
        <source>tax_rate_bp &quot;%1&quot; is not between 0 and 10000</source>
        <translation>tax_rate_bp“%1”不在 0 到 10000 之间</translation>
    </message>
    <message>
        <source>sold_by &quot;%1&quot; is neither unit nor weight</source>
        <translation>sold_by“%1”既不是 unit 也不是 weight</translation>
    </message>
    <message>
        <source>plu &quot;%1&quot; is not 1–6 digits</source>
        <translation>plu“%1”不是 1–6 位数字</translation>
    </message>
    <message>
        <source>a product sold by weight needs a PLU for scale labels</source>
        <translation>称重商品必须有 PLU 码，供电子秤标签使用</translation>
    </message>
    <message>
        <source>a product sold by unit needs at least one barcode</source>
        <translation>按件销售的商品至少需要一个条码</translation>
    </message>
</context>
<context>
    <name>smartpos::CheckoutService</name>
    <message>
        <source>“%1” is not a product barcode.</source>
        <translation>“%1”不是商品条码。</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n digit(s); product barcodes have 8, 12 or 13.</source>
        <translation>
            <numerusform>%1 有 %n 位数字；商品条码应为 8、12 或 13 位。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 has a wrong check digit. Scan it again or type it.</source>
        <translation>%1 校验位错误，请重新扫描或手动输入。</translation>
    </message>
    <message>
        <source>No product has barcode %1. Check the code or add the product to the catalog.</source>
        <translation>找不到条码为 %1 的商品。请核对条码，或先将该商品录入商品库。</translation>
    </message>
    <message>
        <source>%1 is sold by weight: weigh it and scan the scale label.</source>
        <translation>%1 是称重商品：请先称重，再扫描电子秤标签。</translation>
    </message>
    <message>
        <source>Scale label %1: no product has PLU %2.</source>
        <translation>电子秤标签 %1：找不到 PLU 为 %2 的商品。</translation>
    </message>
    <message>
        <source>The cart is empty.</source>
        <translation>购物车为空。</translation>
    </message>
    <message>
        <source>¥%1 is less than the total ¥%2.</source>
        <translation>实收 ¥%1 少于应收 ¥%2。</translation>
    </message>
    <message>
        <source>At most %1 units per line.</source>
        <translation>每行最多 %1 件。</translation>
    </message>
    <message>
        <source>Scale label %1 carries a weight, but %2 is sold by the piece.</source>
        <translation>电子秤标签 %1 是重量码，但 %2 按件销售。</translation>
    </message>
    <message>
        <source>Scale label %1 shows no weight: weigh the item again.</source>
        <translation>电子秤标签 %1 没有重量，请重新称重。</translation>
    </message>
    <message>
        <source>Scale label %1 shows no price: weigh the item again.</source>
        <translation>电子秤标签 %1 没有价格，请重新称重。</translation>
    </message>
    <message>
        <source>The sale was NOT saved. %1 The cart is kept: press Pay again when fixed.</source>
        <translation>交易未保存。%1 购物车已保留，问题解决后请再次收款。</translation>
    </message>
</context>
<context>
    <name>smartpos::CsvReader</name>
    <message>
        <source>a quoted field is never closed</source>
        <translation>带引号的字段缺少结束引号</translation>
    </message>
</context>
<context>
    <name>smartpos::Database</name>
    <message>
        <source>The data folder %1 does not exist.</source>
        <translation>数据文件夹 %1 不存在。</translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation>无法创建 %1：%2</translation>
    </message>
    <message>
        <source>%1 cannot use write-ahead logging (journal mode is %2).</source>
        <translation>%1 无法使用预写日志（WAL）模式（当前日志模式为 %2）。</translation>
    </message>
    <message>
        <source>%1 refuses synchronous=FULL; sales would not be durable.</source>
        <translation>%1 不接受 synchronous=FULL 设置，交易数据无法可靠保存。</translation>
    </message>
    <message>
        <source>%1 was written by a newer SmartPOS (schema %2, this version knows %3).</source>
        <translation>%1 由更新版本的 SmartPOS 写入（数据结构版本 %2，本版本最高支持 %3）。</translation>
    </message>
    <message>
        <source>The disk holding %1 is full. Nothing was saved; free some space and try again.</source>
        <translation>%1 所在磁盘已满，未保存任何数据。请清理出空间后重试。</translation>
    </message>
    <message>
        <source>%1 is read-only. Nothing was saved; check the file&apos;s permissions and the disk.</source>
        <translation>%1 为只读，未保存任何数据。请检查文件权限和磁盘。</translation>
    </message>
    <message>
        <source>%1 is damaged or is not a SmartPOS database. It was left untouched; restore it from a backup or call support.</source>
        <translation>%1 已损坏或不是 SmartPOS 数据库。文件未被改动；请从备份恢复，或联系技术支持。</translation>
    </message>
    <message>
        <source>Cannot open %1. Check that the folder exists and is writable.</source>
        <translation>无法打开 %1。请检查所在文件夹是否存在且可写。</translation>
    </message>
    <message>
        <source>Database error on %1: %2</source>
        <translation>%1 数据库错误：%2</translation>
    </message>
    <message>
        <source>The data folder %1 is a file, not a folder.</source>
        <translation>数据文件夹 %1 是一个文件，不是文件夹。</translation>
    </message>
    <message>
        <source>Cannot create the data folder %1. Check that its parent exists and is writable.</source>
        <translation>无法创建数据文件夹 %1。请检查其上级文件夹是否存在且可写。</translation>
    </message>
    <message>
        <source>The disk reported an error on %1 (%2): it may be full or failing. Nothing was saved; free some space or check the disk, then try again.</source>
        <translation>写入 %1 时磁盘报错（%2）：磁盘可能已满或出现故障。本次未保存任何数据；请清理磁盘空间或检查磁盘后重试。</translation>
    </message>
</context>
<context>
    <name>smartpos::Ledger</name>
    <message>
        <source>A sale needs at least one line.</source>
        <translation>一笔交易至少需要一件商品。</translation>
    </message>
    <message>
        <source>entry %1 is missing</source>
        <translation>缺少第 %1 条记录</translation>
    </message>
    <message>
        <source>the hash chain is broken</source>
        <translation>哈希链已断裂</translation>
    </message>
    <message>
        <source>the entry was moved from position %1</source>
        <translation>该记录已从第 %1 位被移动</translation>
    </message>
    <message>
        <source>its sale %1 was deleted</source>
        <translation>对应的交易 %1 已被删除</translation>
    </message>
    <message>
        <source>its sale was changed after it was recorded</source>
        <translation>对应的交易在记录后被修改过</translation>
    </message>
    <message>
        <source>a sale is not in the journal</source>
        <translation>有交易未记入流水日志</translation>
    </message>
</context>
<context>
    <name>smartpos::Till</name>
    <message>
        <source>The SmartPOS screens failed to load.</source>
        <translation>SmartPOS 界面加载失败。</translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation>无法创建 %1。</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
</context>
</TS>
